using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The host's cgroup mounts as seen by the container init (after it joined its
/// cgroup), input to the planning of mounts of type "cgroup".
/// </summary>
public sealed record HostCgroupLayout
{
    /// <summary>True on a pure cgroup v2 host; false on v1 or hybrid (the v1 hierarchies are used).</summary>
    public bool Unified { get; init; } = true;
    public string UnifiedMountpoint { get; init; } = "/sys/fs/cgroup";
    /// <summary>The container's cgroup v2 path relative to the unified mount's root.</summary>
    public string UnifiedPath { get; init; } = "/";
    public IReadOnlyList<CgroupHierarchy> Hierarchies { get; init; } = [];

    public static readonly HostCgroupLayout UnifiedDefault = new();
}
