using System;

namespace OciRuntime.Core.Linux;

/// <summary>
/// An error the runtime reports to its user as one line (bad input, wrong
/// state, a failed step). The CLI prints the message and exits 1.
/// </summary>
public sealed class RuntimeException : Exception
{
    public RuntimeException(string message) : base(message) { }
    public RuntimeException(string message, Exception inner) : base(message, inner) { }
}
