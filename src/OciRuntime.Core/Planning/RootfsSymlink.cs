namespace OciRuntime.Core.Planning;

/// <summary>A symlink created in the container's /dev (runtime-spec config-linux.md "Default Devices" and runc's /dev links).</summary>
public sealed record RootfsSymlink
{
    public string Path { get; init; } = "";
    public string Target { get; init; } = "";
    /// <summary>Create the link only when this host path exists (e.g. /proc/kcore).</summary>
    public string? OnlyIfHostPathExists { get; init; }
    /// <summary>Replace what is at the path (the /dev/ptmx node of a bind-mounted /dev-less tmpfs).</summary>
    public bool ReplaceExisting { get; init; }
}
