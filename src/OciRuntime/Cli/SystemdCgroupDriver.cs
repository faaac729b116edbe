using System.IO;
using OciRuntime.Core.Linux;

namespace OciRuntime.Cli;

/// <summary>
/// --systemd-cgroup asks for cgroups managed by systemd through D-Bus
/// (SystemdCgroupManager). Where systemd is not the service manager the
/// flag is refused in one line that says why, rather than silently using
/// the cgroupfs driver behind the user's back.
/// </summary>
internal static class SystemdCgroupDriver
{
    /// <summary>sd_booted(3): systemd creates this directory early at boot, and only systemd does.</summary>
    private const string BootedMarker = "/run/systemd/system";

    public static void Check(GlobalOptions options)
    {
        if (options.SystemdCgroup && !Directory.Exists(BootedMarker))
            throw new RuntimeException($"--systemd-cgroup: systemd is not running on this host (no {BootedMarker}); leave the flag out to use the cgroupfs driver");
    }
}
