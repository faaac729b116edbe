using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux.Mounts;

namespace OciRuntime.Tests.Mounts;

public class HostCgroupProbeTests
{
    const string HybridMountinfo =
        "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n" +
        "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n" +
        "35 31 0:32 /sub /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n" +
        "36 31 0:33 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio\n" +
        "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n" +
        "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

    const string Own = "9:name=systemd:/user\n6:blkio:/user\n4:memory:/sub/user\n2:cpu,cpuacct:/user\n0::/user2\n";

    [Test]
    public void MembershipAfterJoinMovesOnlyTheContainersHierarchies()
    {
        var paths = new Dictionary<string, string>
        {
            ["name=systemd"] = "/sys/fs/cgroup/systemd/ctr",
            ["memory"] = "/sys/fs/cgroup/memory/ctr",
            ["cpu"] = "/sys/fs/cgroup/cpu,cpuacct/ctr",
            ["cpuacct"] = "/sys/fs/cgroup/cpu,cpuacct/ctr",
            [""] = "/sys/fs/cgroup/unified/a/ctr",
        };
        var text = HostCgroupProbe.MembershipAfterJoin(Own, HybridMountinfo, paths);
        // blkio is not the container's: the init stays where the runtime is.
        // memory is a bind of /sub: the kernel shows paths below the mount's root.
        Assert.That(text, Is.EqualTo("9:name=systemd:/ctr\n6:blkio:/user\n4:memory:/sub/ctr\n2:cpu,cpuacct:/ctr\n0::/a/ctr\n"));

        var layout = HostCgroupProbe.FromText(HybridMountinfo, text);
        Assert.That(layout.UnifiedPath, Is.EqualTo("/a/ctr"));
        Assert.That(layout.Hierarchies.Select(h => $"{h.Name}|{h.CgroupPath}"),
            Is.EqualTo(new[] { "systemd|/ctr", "blkio|/user", "memory|/ctr", "cpu,cpuacct|/ctr" }));
    }

    [Test]
    public void MembershipAfterJoinOfTheHierarchyRootIsSlash()
    {
        var text = HostCgroupProbe.MembershipAfterJoin("0::/user.slice/x\n",
            "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n",
            new Dictionary<string, string> { [""] = "/sys/fs/cgroup" });
        Assert.That(text, Is.EqualTo("0::/\n"));
    }

    [Test]
    public void MembershipAfterJoinWithoutACgroupKeepsTheCallers()
    {
        Assert.That(HostCgroupProbe.MembershipAfterJoin(Own, HybridMountinfo, new Dictionary<string, string>()), Is.EqualTo(Own));
    }

    [Test]
    public void MembershipAfterJoinIgnoresADirectoryOnNoCgroupMount()
    {
        var text = HostCgroupProbe.MembershipAfterJoin("4:memory:/user\n", HybridMountinfo,
            new Dictionary<string, string> { ["memory"] = "/elsewhere/memory/ctr" });
        Assert.That(text, Is.EqualTo("4:memory:/user\n"));
    }
}
