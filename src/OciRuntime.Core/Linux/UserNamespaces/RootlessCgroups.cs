using System;
using System.IO;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Cgroups;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// A non-root runtime uses a cgroup only where it was delegated one: a
/// cgroup v2 directory it can write (systemd Delegate=yes, or a subtree
/// chown'ed to the user). cgroup v1 cannot be delegated safely, so there,
/// as without delegation, the container runs without a cgroup of its own
/// and a warning says so, as runc and crun do in rootless mode.
/// </summary>
public static class RootlessCgroups
{
    /// <returns>The cgroup to use, and a warning when it was skipped.</returns>
    public static (ICgroupManager Cgroup, string? Warning) Choose(ICgroupManager cgroup, uint euid, Func<string, bool> writable)
    {
        if (euid == 0)
            return (cgroup, null);
        if (cgroup.Mode != CgroupMode.Unified)
            return (new SkippedCgroup(cgroup.Path, cgroup.Mode),
                "running as a non-root user on a cgroup v1 host: the container gets no cgroup, so linux.resources are not applied");
        if (cgroup.Paths.TryGetValue("", out var dir) && writable(NearestExisting(dir)))
            return (cgroup, null);
        return (new SkippedCgroup(cgroup.Path, cgroup.Mode),
            $"running as a non-root user without a delegated cgroup (`{dir}` is not writable by uid {euid}): " +
            "the container gets no cgroup, so linux.resources are not applied; delegate a cgroup v2 subtree " +
            "(systemd: Delegate=yes, e.g. systemd-run --user --scope -p Delegate=yes) to use one");
    }

    public static (ICgroupManager Cgroup, string? Warning) Choose(ICgroupManager cgroup) =>
        Choose(cgroup, Libc.GetEuid(), static path => Libc.FAccessAt(Flags.AT_FDCWD, path, UserNsConstants.W_OK, UserNsConstants.AT_EACCESS) == 0);

    static string NearestExisting(string? dir)
    {
        var d = dir ?? "/";
        while (d.Length > 1 && !Directory.Exists(d))
            d = Path.GetDirectoryName(d) ?? "/";
        return d;
    }
}
