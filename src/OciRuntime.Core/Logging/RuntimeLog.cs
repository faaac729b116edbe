using Microsoft.Extensions.Logging;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Logging;

/// <summary>Builds the runtime's logging from the global flags --log, --log-format and --debug.</summary>
public static class RuntimeLog
{
    /// <param name="logPath">--log: a file appended to; null or empty means stderr.</param>
    /// <param name="format">--log-format: "text" or "json".</param>
    /// <param name="debug">--debug: log debug entries too (default: info and above, as runc).</param>
    public static ILoggerFactory Create(string? logPath, string format, bool debug)
    {
        var parsed = ParseFormat(format);
        var sink = string.IsNullOrEmpty(logPath) ? LogSink.Stderr() : LogSink.Open(logPath);
        var provider = new RuntimeLoggerProvider(sink, parsed, debug ? LogLevel.Debug : LogLevel.Information);
        return new RuntimeLoggerFactory(provider);
    }

    public static LogFormat ParseFormat(string format) => format switch
    {
        "text" => LogFormat.Text,
        "json" => LogFormat.Json,
        _ => throw new RuntimeException($"invalid log-format: {format}"),
    };
}
