using System.IO;
using OciRuntime.Core.Linux;

namespace OciRuntime.Cli;

/// <summary>
/// --systemd-cgroup asks for cgroups managed by systemd through D-Bus. Until
/// that driver exists the flag is refused in one line that says why, rather
/// than silently using the cgroupfs driver behind systemd's back.
/// </summary>
internal static class SystemdCgroupDriver
{
    public static void Check(GlobalOptions options)
    {
        if (!options.SystemdCgroup)
            return;
        if (!Directory.Exists("/run/systemd/system"))
            throw new RuntimeException("--systemd-cgroup: systemd is not running on this host (no /run/systemd/system); leave the flag out to use the cgroupfs driver");
        throw new RuntimeException("--systemd-cgroup: the systemd cgroup driver is not supported by ociruntime yet; leave the flag out to use the cgroupfs driver");
    }
}
