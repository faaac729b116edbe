namespace OciRuntime.Core.Operations;

/// <summary>Flags of `create` and `run` (runc's names).</summary>
public sealed record CreateOptions
{
    public string Id { get; init; } = "";
    public string Bundle { get; init; } = ".";
    public string? PidFile { get; init; }
    public string? ConsoleSocket { get; init; }
    public bool NoPivot { get; init; }
    public bool NoNewKeyring { get; init; }
    public int PreserveFds { get; init; }
    /// <summary>`run` in the foreground: the runtime stays the init's parent (subreaper) to wait for it.</summary>
    public bool StayParent { get; init; }
    /// <summary>--systemd-cgroup: systemd makes the cgroup, a transient scope (see SystemdCgroupManager).</summary>
    public bool SystemdCgroup { get; init; }
}
