using Microsoft.Extensions.Logging;
using OciRuntime.Core.Logging;

namespace OciRuntime.Cli;

/// <summary>Creates the runtime's logger from the global flags; nothing is opened unless --log is given.</summary>
internal static class Logging
{
    public static ILogger? Create(GlobalOptions options) =>
        options.LogPath is null ? null : RuntimeLog.Create(options.LogPath, options.LogFormat, options.Debug).CreateLogger("ociruntime");
}
