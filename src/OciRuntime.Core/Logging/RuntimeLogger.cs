using System;
using Microsoft.Extensions.Logging;

namespace OciRuntime.Core.Logging;

/// <summary>Formats each enabled entry as one <see cref="LogLine"/> and writes it at once.</summary>
public sealed class RuntimeLogger : ILogger
{
    private readonly RuntimeLoggerProvider _provider;

    internal RuntimeLogger(RuntimeLoggerProvider provider)
    {
        _provider = provider;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _provider.MinLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var message = formatter(state, exception);
        if (exception != null)
            message = message.Length == 0 ? exception.Message : $"{message}: {exception.Message}";
        _provider.Sink.Write(LogLine.Format(_provider.Format, logLevel, message, _provider.Clock()));
    }
}
