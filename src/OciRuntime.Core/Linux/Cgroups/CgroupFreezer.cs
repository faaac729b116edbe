using System;
using System.Linq;
using System.Threading;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Freezes and thaws a cgroup and waits until the kernel says every task
/// has reached the state: v1 freezer.state passes through FREEZING, v2
/// reports completion as "frozen 1" in cgroup.events.
/// </summary>
internal static class CgroupFreezer
{
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public static void SetV1(ICgroupFiles files, string dir, bool frozen)
    {
        var file = dir + "/freezer.state";
        var want = frozen ? "FROZEN" : "THAWED";
        var deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        int delay = 1;
        while (true)
        {
            // A task in vfork or an uninterruptible sleep can keep the
            // cgroup in FREEZING; writing again retries the freeze of the
            // stragglers (freezer-subsystem.rst).
            files.WriteFile(file, want);
            if (files.ReadFile(file).Trim() == want)
                return;
            if (Environment.TickCount64 > deadline)
            {
                if (frozen)
                    files.WriteFile(file, "THAWED");
                throw new RuntimeException($"`{files.FullPath(file)}` did not reach {want} within {Timeout.TotalSeconds}s");
            }
            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 50);
        }
    }

    public static void SetV2(ICgroupFiles files, string dir, bool frozen)
    {
        var freeze = dir + "/cgroup.freeze";
        if (!files.FileExists(freeze))
            throw new RuntimeException($"`{files.FullPath(freeze)}` does not exist (the kernel needs cgroup freezer support, Linux 5.2+)");
        files.WriteFile(freeze, frozen ? "1" : "0");
        var want = frozen ? "frozen 1" : "frozen 0";
        var deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        int delay = 1;
        while (!files.ReadFile(dir + "/cgroup.events").Split('\n').Any(l => l.Trim() == want))
        {
            if (Environment.TickCount64 > deadline)
            {
                if (frozen)
                    files.WriteFile(freeze, "0");
                throw new RuntimeException($"`{files.FullPath(dir)}` did not report \"{want}\" within {Timeout.TotalSeconds}s");
            }
            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 50);
        }
    }
}
