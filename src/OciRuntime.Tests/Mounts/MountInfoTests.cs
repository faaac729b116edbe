using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux.Mounts;

namespace OciRuntime.Tests.Mounts;

public class MountInfoTests
{
    [Test]
    public void ParsesFieldsAndUnescapesPaths()
    {
        var e = MountInfo.Parse("36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 shared:2 - ext3 /dev/root rw,errors=continue\n").Single();
        Assert.That((e.Id, e.ParentId, e.Root, e.MountPoint, e.FsType, e.Source, e.SuperOptions),
            Is.EqualTo((36, 35, "/mnt1", "/mnt two", "ext3", "/dev/root", "rw,errors=continue")));
        Assert.That(e.OptionalFields, Is.EqualTo(new[] { "master:1", "shared:2" }));
    }

    [Test]
    public void MountContainingPicksLongestPrefixNotStringPrefix()
    {
        var entries = MountInfo.Parse("1 0 0:1 / / rw - ext4 a rw\n2 1 0:2 / /b rw - ext4 b rw\n3 1 0:3 / /bx rw - ext4 c rw\n");
        Assert.That(MountInfo.MountContaining(entries, "/b/rootfs")!.Id, Is.EqualTo(2));
        Assert.That(MountInfo.MountContaining(entries, "/bxy")!.Id, Is.EqualTo(1));
        Assert.That(MountInfo.MountContaining(entries, "/bx")!.Id, Is.EqualTo(3));
    }

    [Test]
    public void CgroupProbeHybridHost()
    {
        const string mountinfo =
            "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n" +
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n" +
            "35 31 0:32 /sub /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n" +
            "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n" +
            "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
        const string cgroups = "9:name=systemd:/ctr\n4:memory:/sub/ctr\n2:cpu,cpuacct:/ctr\n0::/ctr2\n";
        var layout = HostCgroupProbe.FromText(mountinfo, cgroups);
        Assert.That(layout.Unified, Is.False);
        Assert.That((layout.UnifiedMountpoint, layout.UnifiedPath), Is.EqualTo(("/sys/fs/cgroup/unified", "/ctr2")));
        Assert.That(layout.Hierarchies.Select(h => $"{h.Name}|{h.Options}|{h.HostMountpoint}|{h.CgroupPath}"), Is.EqualTo(new[]
        {
            "systemd|name=systemd|/sys/fs/cgroup/systemd|/ctr",
            "memory|memory|/sys/fs/cgroup/memory|/ctr",
            "cpu,cpuacct|cpu,cpuacct|/sys/fs/cgroup/cpu,cpuacct|/ctr",
        }));
    }

    [Test]
    public void CgroupProbeUnifiedHost()
    {
        var layout = HostCgroupProbe.FromText("30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n", "0::/system.slice/x\n");
        Assert.That((layout.Unified, layout.UnifiedMountpoint, layout.UnifiedPath, layout.Hierarchies.Count), Is.EqualTo((true, "/sys/fs/cgroup", "/system.slice/x", 0)));
    }
}
