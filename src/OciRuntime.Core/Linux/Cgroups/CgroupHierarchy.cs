using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// One mounted cgroup hierarchy: <see cref="MountDir"/> is its directory under
/// the mount root ("" for a v2-only host), <see cref="Controllers"/> the
/// controllers it carries ("name=systemd" for the named v1 hierarchy, none for v2).
/// </summary>
public sealed record CgroupHierarchy(string MountDir, IReadOnlyList<string> Controllers, bool IsUnified);
