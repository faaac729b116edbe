using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The id mapping of one idmapped bind mount (config.md "idmap"/"ridmap"):
/// lines in user-namespace format, a file owned by ContainerID on disk shows
/// as HostID through the mount.
/// </summary>
public sealed record IdMapMount
{
    public IReadOnlyList<IdMapping> UidMappings { get; init; } = [];
    public IReadOnlyList<IdMapping> GidMappings { get; init; } = [];
    /// <summary>"ridmap": mount_setattr with AT_RECURSIVE, so submounts of an rbind are mapped too.</summary>
    public bool Recursive { get; init; }
    /// <summary>True when the mappings are the container's own (no mounts[].uidMappings): its user namespace can serve as is.</summary>
    public bool UsesContainerMappings { get; init; }
}
