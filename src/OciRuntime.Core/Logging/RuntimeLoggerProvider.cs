using System;
using Microsoft.Extensions.Logging;

namespace OciRuntime.Core.Logging;

/// <summary>
/// The runtime's only logging provider: runc-compatible lines to stderr or
/// the --log file. The category is not printed, as runc prints none.
/// </summary>
public sealed class RuntimeLoggerProvider : ILoggerProvider
{
    private readonly RuntimeLogger _logger;

    public RuntimeLoggerProvider(LogSink sink, LogFormat format, LogLevel minLevel, Func<DateTimeOffset>? clock = null)
    {
        Sink = sink;
        Format = format;
        MinLevel = minLevel;
        Clock = clock ?? (() => DateTimeOffset.Now);
        _logger = new RuntimeLogger(this);
    }

    public LogSink Sink { get; }
    public LogFormat Format { get; }
    public LogLevel MinLevel { get; }
    public Func<DateTimeOffset> Clock { get; }

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose() => Sink.Dispose();
}
