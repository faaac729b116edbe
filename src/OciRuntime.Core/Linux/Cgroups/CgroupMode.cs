namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>How the host mounts cgroupfs under the mount root.</summary>
public enum CgroupMode
{
    /// <summary>cgroup v1 only: one directory per controller (or co-mounted group).</summary>
    Legacy,

    /// <summary>cgroup v1 controllers plus a v2 hierarchy at &lt;root&gt;/unified (systemd "hybrid").</summary>
    Hybrid,

    /// <summary>cgroup v2 only: the mount root is the unified hierarchy.</summary>
    Unified,
}
