using System;
using Microsoft.Extensions.Logging;

namespace OciRuntime.Core.Logging;

/// <summary>
/// A factory over the one <see cref="RuntimeLoggerProvider"/>: the stock
/// LoggerFactory with its options and filter machinery costs startup time
/// a short-lived CLI cannot afford.
/// </summary>
public sealed class RuntimeLoggerFactory : ILoggerFactory
{
    private readonly RuntimeLoggerProvider _provider;

    public RuntimeLoggerFactory(RuntimeLoggerProvider provider)
    {
        _provider = provider;
    }

    public ILogger CreateLogger(string categoryName) => _provider.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the runtime logs through one provider only");

    public void Dispose() => _provider.Dispose();
}
