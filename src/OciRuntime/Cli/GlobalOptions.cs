using System;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli;

/// <summary>Flags given before the command, as containerd and podman pass them.</summary>
internal sealed class GlobalOptions
{
    public static GlobalOptions Current { get; set; } = new();

    public string Root { get; init; } = DefaultRoot();
    public string? LogPath { get; init; }
    public string LogFormat { get; init; } = "text";
    public bool Debug { get; init; }
    public bool SystemdCgroup { get; init; }
    public ILogger? Log { get; set; }

    public static readonly FlagSpec[] Specs =
    [
        new(["root"], true, "root directory for storage of container state (this should be located in tmpfs)", "/run/ociruntime"),
        new(["log"], true, "set the log file to write runtime logs to (default is stderr)"),
        new(["log-format"], true, "set the log format ('text' (default), or 'json')", "text"),
        new(["debug"], false, "enable debug logging"),
        new(["systemd-cgroup"], false, "enable systemd cgroup support"),
        new(["criu"], true, "accepted for runc compatibility; checkpointing is not supported"),
        new(["rootless"], true, "ignore cgroup permission errors ('true', 'false', or 'auto')", "auto"),
        new(["help", "h"], false, "show help"),
        new(["version", "v"], false, "print the version"),
    ];

    public static string DefaultRoot() => StateStore.DefaultRoot();
}
