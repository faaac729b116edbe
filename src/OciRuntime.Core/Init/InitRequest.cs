using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Init;

/// <summary>
/// What the runtime sends the container init once the C bootstrap has put
/// it in its namespaces: the validated config and the runtime's decisions.
/// </summary>
public sealed record InitRequest
{
    public ContainerConfig Config { get; init; } = new();
    public string Bundle { get; init; } = "";
    public string Rootfs { get; init; } = "";
    public bool NoPivot { get; init; }
    public bool NoNewKeyring { get; init; }
    public int PreserveFds { get; init; }
    public string Id { get; init; } = "";
    /// <summary>State JSON (status "creating") given to createContainer/startContainer hooks.</summary>
    public string HookState { get; init; } = "";
    /// <summary>/proc/sys/kernel/cap_last_cap read on the host.</summary>
    public int LastCap { get; init; } = 40;
    /// <summary>linux.seccomp compiled by `create`; null when the config has none.</summary>
    public SeccompFilter? Seccomp { get; init; }
    /// <summary>
    /// `exec`: the bootstrap joined the namespaces of a running container;
    /// apply only Config.Process (see ExecSequence), no rootfs work.
    /// </summary>
    public bool Exec { get; init; }
    /// <summary>
    /// /proc/self/cgroup as the init will read it once it is in the
    /// container's cgroup (HostCgroupProbe.MembershipAfterJoin): the init
    /// plans its cgroup mounts before it joins. Null: read its own.
    /// </summary>
    public string? CgroupMembership { get; init; }
    /// <summary>
    /// The config asks for a new cgroup namespace and the bootstrap left it
    /// out: the init asks the runtime for its cgroup ("cgroup" message), then
    /// unshares it, so that the namespace is rooted at the container's cgroup.
    /// </summary>
    public bool UnshareCgroupNamespace { get; init; }
    /// <summary>
    /// The files (ICgroupManager.SelfJoinFiles) the init writes "0" to at its
    /// late join, through descriptors the runtime sends after the exec FIFO's
    /// once the cgroup exists ("fds N", before the rootfs mounts, which bind
    /// the container's cgroup directories).
    /// </summary>
    public string[] CgroupSelfJoin { get; init; } = [];
    /// <summary>
    /// The runtime writes the init's pid to cgroup.procs where the self-join
    /// does not reach (v2, hybrid, systemd): the init then asks for it
    /// ("cgroup", or "hooks") or gets it at "ready".
    /// </summary>
    public bool CgroupRuntimeJoin { get; init; }
}
