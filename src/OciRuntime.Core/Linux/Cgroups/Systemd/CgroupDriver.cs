namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>Picks the cgroupfs or the systemd driver (--systemd-cgroup at create, remembered in the container's record).</summary>
public static class CgroupDriver
{
    /// <summary>The cgroupsPath used when linux.cgroupsPath is unset.</summary>
    public static string DefaultPath(string id, bool systemd) =>
        systemd ? SystemdCgroupPath.DefaultPath(id) : CgroupManager.DefaultPath(id);

    /// <param name="started">False only in create, before the init exists; the systemd unit starts with it.</param>
    public static ICgroupManager Open(string cgroupsPath, string id, bool systemd, bool started) =>
        systemd ? SystemdCgroupManager.Open(cgroupsPath, id, started) : CgroupManager.Open(cgroupsPath);
}
