using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>
/// Reads the host's cgroup mounts and the calling process's cgroups, for the
/// planning of "cgroup" mounts. The init calls it after it has been moved into the
/// container's cgroup, so the paths are the container's.
/// </summary>
public static class HostCgroupProbe
{
    public static HostCgroupLayout Detect() =>
        FromText(File.ReadAllText("/proc/self/mountinfo"), File.ReadAllText("/proc/self/cgroup"));

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
