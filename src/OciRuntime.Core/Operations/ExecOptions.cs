using System.Collections.Generic;

namespace OciRuntime.Core.Operations;

/// <summary>Flags of `exec` (runc's names).</summary>
public sealed record ExecOptions
{
    public string Id { get; init; } = "";
    /// <summary>--process: a process.json that replaces the container's process entirely.</summary>
    public string? ProcessFile { get; init; }
    /// <summary>The command after the container id.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    public bool Detach { get; init; }
    public bool Tty { get; init; }
    public string? ConsoleSocket { get; init; }
    public string? PidFile { get; init; }
    public int PreserveFds { get; init; }
    public string? Cwd { get; init; }
    public IReadOnlyList<string> Env { get; init; } = [];
    /// <summary>uid[:gid]</summary>
    public string? User { get; init; }
    public IReadOnlyList<uint> AdditionalGids { get; init; } = [];
    public IReadOnlyList<string> Caps { get; init; } = [];
    /// <summary>Null when the flag was not given: the container's setting stays.</summary>
    public bool? NoNewPrivileges { get; init; }
    public string? Apparmor { get; init; }
    public string? ProcessLabel { get; init; }
    /// <summary>--cgroup: a sub-cgroup of the container's, "path" or "controller:path".</summary>
    public string? Cgroup { get; init; }
    public bool IgnorePaused { get; init; }
}
