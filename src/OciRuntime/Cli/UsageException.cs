using System;

namespace OciRuntime.Cli;

/// <summary>A command line that does not parse; printed as is, exit status 1.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
