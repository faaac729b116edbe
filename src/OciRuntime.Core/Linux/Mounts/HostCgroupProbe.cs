using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>
/// Reads the host's cgroup mounts and the container's cgroups, for the
/// planning of "cgroup" mounts. The init plans before it is moved into the
/// container's cgroup (its runtime's memory must not be charged there), so
/// the runtime predicts the membership it will have with <see cref="MembershipAfterJoin"/>.
/// </summary>
public static class HostCgroupProbe
{
    /// <param name="membership">/proc/self/cgroup as it will read once in the container's cgroup; null: read it now.</param>
    public static HostCgroupLayout Detect(string? membership = null) =>
        FromText(File.ReadAllText("/proc/self/mountinfo"), membership ?? File.ReadAllText("/proc/self/cgroup"));

    /// <summary>
    /// What /proc/self/cgroup of a child of the caller reads once it has been
    /// written into <paramref name="paths"/> (ICgroupManager.Paths: host
    /// directories keyed by controller, "name=systemd", or "" for v2).
    /// Hierarchies the container does not use keep the caller's path, as the
    /// child stays there. Paths are rendered like the kernel does: relative to
    /// the caller's cgroup namespace, which is the root of a mount of the
    /// hierarchy's root, plus the mount's own root for a bind of a subtree.
    /// </summary>
    public static string MembershipAfterJoin(string ownCgroups, string mountinfo, IReadOnlyDictionary<string, string> paths)
    {
        if (paths.Count == 0)
            return ownCgroups;
        var mounts = MountInfo.Parse(mountinfo).Where(m => m.FsType is "cgroup" or "cgroup2").ToList();
        var sb = new StringBuilder();
        foreach (var line in ownCgroups.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':', 3);
            string? dir = null;
            if (parts.Length == 3)
            {
                foreach (var key in parts[1].Length == 0 ? [""] : parts[1].Split(','))
                    if (paths.TryGetValue(key, out dir))
                        break;
            }
            var mount = dir is null ? null : MountInfo.MountContaining(mounts, dir);
            if (mount is null)
            {
                sb.Append(line).Append('\n');
                continue;
            }
            var below = dir![mount.MountPoint.Length..].Trim('/');
            var path = mount.Root.TrimEnd('/') + "/" + below;
            sb.Append(parts[0]).Append(':').Append(parts[1]).Append(':').Append(path.Length > 1 ? path.TrimEnd('/') : "/").Append('\n');
        }
        return sb.ToString();
    }

    /// <param name="mountinfo">/proc/self/mountinfo.</param>
    /// <param name="cgroups">/proc/self/cgroup: "id:controllers:path" lines, "0::path" for v2.</param>
    public static HostCgroupLayout FromText(string mountinfo, string cgroups)
    {
        var mounts = MountInfo.Parse(mountinfo);
        var v1Mounts = mounts.Where(m => m.FsType == "cgroup").ToList();
        var unified = mounts.FirstOrDefault(m => m.FsType == "cgroup2");

        string unifiedPath = "/";
        var hierarchies = new List<CgroupHierarchy>();
        foreach (var line in cgroups.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
                continue;
            if (parts[1].Length == 0)
            {
                unifiedPath = unified == null ? parts[2] : Relative(parts[2], unified.Root);
                continue;
            }
            var controllers = parts[1].Split(',');
            var mount = v1Mounts.FirstOrDefault(m =>
            {
                var superOptions = m.SuperOptions.Split(',');
                return controllers.All(superOptions.Contains);
            });
            if (mount == null || hierarchies.Any(h => h.HostMountpoint == mount.MountPoint))
                continue;
            hierarchies.Add(new CgroupHierarchy(
                Path.GetFileName(mount.MountPoint), parts[1], mount.MountPoint, Relative(parts[2], mount.Root)));
        }

        return new HostCgroupLayout
        {
            Unified = v1Mounts.Count == 0,
            UnifiedMountpoint = unified?.MountPoint ?? "/sys/fs/cgroup",
            UnifiedPath = unifiedPath,
            Hierarchies = hierarchies,
        };
    }

    /// <summary>A cgroup path relative to the root of the mount that shows it (a bind of a sub-cgroup has root != "/").</summary>
    static string Relative(string path, string mountRoot)
    {
        if (mountRoot == "/")
            return path;
        if (path == mountRoot)
            return "/";
        return path.StartsWith(mountRoot + "/", StringComparison.Ordinal) ? path[mountRoot.Length..] : path;
    }
}
