using Microsoft.Extensions.Logging;

namespace OciRuntime.Cli;

/// <summary>Creates the runtime's logger from the global flags.</summary>
internal static class Logging
{
    public static ILogger? Create(GlobalOptions options) => null;
}
