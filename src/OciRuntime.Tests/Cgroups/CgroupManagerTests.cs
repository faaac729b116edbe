using System;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class CgroupManagerTests
{
    private const string OwnV1 = "9:name=systemd:/user.slice\n8:pids:/user.slice\n7:blkio:/\n6:freezer:/\n5:devices:/user.slice\n4:memory:/runner\n3:cpuset:/\n2:cpu,cpuacct:/\n1:net_cls,net_prio:/\n0::/user.slice\n";

    private static CgroupManager Open(FakeCgroupFs fs, string path, string own = OwnV1) =>
        CgroupManager.Open(path, fs, () => own);

    [Test]
    public void DetectsV1()
    {
        using var fs = FakeCgroupFs.V1();
        var (mode, hierarchies) = CgroupManager.Detect(fs);
        Assert.That(mode, Is.EqualTo(CgroupMode.Legacy));
        Assert.That(hierarchies.Select(h => h.MountDir), Is.EqualTo(new[] { "blkio", "cpu,cpuacct", "cpuset", "devices", "freezer", "memory", "net_cls,net_prio", "pids", "systemd" }));
        Assert.That(hierarchies.Single(h => h.MountDir == "cpu,cpuacct").Controllers, Is.EqualTo(new[] { "cpu", "cpuacct" }));
        Assert.That(hierarchies.Single(h => h.MountDir == "systemd").Controllers, Is.EqualTo(new[] { "name=systemd" }));
    }

    [Test]
    public void DetectsHybrid()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var (mode, hierarchies) = CgroupManager.Detect(fs);
        Assert.That(mode, Is.EqualTo(CgroupMode.Hybrid));
        Assert.That(hierarchies.Single(h => h.IsUnified).MountDir, Is.EqualTo("unified"));
        Assert.That(hierarchies.Count(h => !h.IsUnified), Is.EqualTo(9));
    }

    [Test]
    public void DetectsV2()
    {
        using var fs = FakeCgroupFs.V2();
        var (mode, hierarchies) = CgroupManager.Detect(fs);
        Assert.That(mode, Is.EqualTo(CgroupMode.Unified));
        Assert.That(hierarchies, Has.Count.EqualTo(1));
        Assert.That(hierarchies[0], Is.EqualTo(new CgroupHierarchy("", [], IsUnified: true)).Using<CgroupHierarchy>((a, b) => a.MountDir == b.MountDir && a.IsUnified == b.IsUnified));
    }

    [Test]
    public void EmptyRootIsAnError()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("cgempty").FullName;
        try
        {
            Assert.That(() => CgroupManager.Open("/x", dir), Throws.TypeOf<RuntimeException>().With.Message.EqualTo($"no cgroup hierarchy found under `{dir}`"));
        }
        finally
        {
            System.IO.Directory.Delete(dir);
        }
    }

    [Test]
    public void AbsolutePathIsUnderEachHierarchyRoot()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs, "/default/c1");
        Assert.That(m.Path, Is.EqualTo("/default/c1"));
        Assert.That(m.Paths["memory"], Is.EqualTo(fs.Root + "/memory/default/c1"));
        Assert.That(m.Paths["cpuacct"], Is.EqualTo(fs.Root + "/cpu,cpuacct/default/c1"));
        Assert.That(m.Paths["name=systemd"], Is.EqualTo(fs.Root + "/systemd/default/c1"));
        Assert.That(m.Paths[""], Is.EqualTo(fs.Root + "/unified/default/c1"));
    }

    [Test]
    public void RelativePathIsUnderTheRuntimesOwnCgroup()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs, CgroupManager.DefaultPath("c1"));
        Assert.That(m.Path, Is.EqualTo("c1"));
        Assert.That(m.Paths["memory"], Is.EqualTo(fs.Root + "/memory/runner/c1"));
        Assert.That(m.Paths["devices"], Is.EqualTo(fs.Root + "/devices/user.slice/c1"));
        Assert.That(m.Paths["cpu"], Is.EqualTo(fs.Root + "/cpu,cpuacct/c1"));
        Assert.That(m.Paths[""], Is.EqualTo(fs.Root + "/unified/user.slice/c1"));
    }

    [Test]
    public void OwnCgroupIsReadOnlyForRelativePaths()
    {
        using var fs = FakeCgroupFs.V2();
        Assert.That(CgroupManager.Open("/a", fs, () => throw new InvalidOperationException("must not be read")).Paths[""], Is.EqualTo(fs.Root + "/a"));
    }

    [Test]
    public void CreateMakesEveryHierarchyDirectory()
    {
        using var fs = FakeCgroupFs.Hybrid();
        Open(fs, "/default/c1").Create();
        foreach (var dir in new[] { "blkio", "cpu,cpuacct", "cpuset", "devices", "freezer", "memory", "net_cls,net_prio", "pids", "systemd", "unified" })
            Assert.That(fs.Exists(dir + "/default/c1"), Is.True, dir);
    }

    [Test]
    public void CreateCopiesCpusetFromParentWhenEmpty()
    {
        using var fs = FakeCgroupFs.V1();
        fs.Dir("cpuset/default");
        fs.File("cpuset/default/cpuset.cpus", "1\n");
        fs.File("cpuset/default/cpuset.mems", "\n");
        Open(fs, "/default/c1").Create();
        Assert.That(fs.Writes, Is.EqualTo(new[]
        {
            ("cpuset/default/cpuset.mems", "0"),
            ("cpuset/default/c1/cpuset.cpus", "1"),
            ("cpuset/default/c1/cpuset.mems", "0"),
        }));
    }

    [Test]
    public void AddProcessWritesCgroupProcsEverywhere()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs, "/c1");
        m.Create();
        fs.Writes.Clear();
        m.AddProcess(4242);
        Assert.That(fs.Writes.Select(w => w.Path), Is.EquivalentTo(new[]
        {
            "blkio/c1/cgroup.procs", "cpu,cpuacct/c1/cgroup.procs", "cpuset/c1/cgroup.procs", "devices/c1/cgroup.procs", "freezer/c1/cgroup.procs",
            "memory/c1/cgroup.procs", "net_cls,net_prio/c1/cgroup.procs", "pids/c1/cgroup.procs", "systemd/c1/cgroup.procs", "unified/c1/cgroup.procs",
        }));
        Assert.That(fs.Writes.Select(w => w.Content).Distinct(), Is.EqualTo(new[] { "4242" }));
    }

    [Test]
    public void SelfJoinCoversTheV1HierarchiesThroughTasks()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs, "/c1");
        Assert.That(m.SelfJoinFiles, Is.EquivalentTo(new[]
        {
            "blkio/c1/tasks", "cpu,cpuacct/c1/tasks", "cpuset/c1/tasks", "devices/c1/tasks", "freezer/c1/tasks",
            "memory/c1/tasks", "net_cls,net_prio/c1/tasks", "pids/c1/tasks", "systemd/c1/tasks",
        }.Select(fs.FullPath)));
        // The unified hierarchy has no per-thread moves for a domain cgroup: the runtime writes it.
        Assert.That(m.JoinsBeyondSelfJoin, Is.True);
        m.Create();
        fs.Writes.Clear();
        m.AddProcess(4242, exceptSelfJoined: true);
        Assert.That(fs.Writes, Is.EqualTo(new[] { ("unified/c1/cgroup.procs", "4242") }));
    }

    [Test]
    public void SelfJoinAloneOnV1()
    {
        using var fs = FakeCgroupFs.V1();
        var m = Open(fs, "/c1");
        Assert.That(m.SelfJoinFiles, Has.Count.EqualTo(9));
        Assert.That(m.SelfJoinFiles, Has.All.EndsWith("/c1/tasks"));
        Assert.That(m.JoinsBeyondSelfJoin, Is.False);
        m.Create();
        fs.Writes.Clear();
        m.AddProcess(4242, exceptSelfJoined: true);
        Assert.That(fs.Writes, Is.Empty);
    }

    [Test]
    public void NoSelfJoinOnV2()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/a/b");
        Assert.That(m.SelfJoinFiles, Is.Empty);
        Assert.That(m.JoinsBeyondSelfJoin, Is.True);
        m.Create();
        fs.Writes.Clear();
        m.AddProcess(7, exceptSelfJoined: true);
        Assert.That(fs.Writes, Is.EqualTo(new[] { ("a/b/cgroup.procs", "7") }));
    }

    [Test]
    public void AddProcessOnV2WritesTheUnifiedDirectory()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/a/b");
        m.Create();
        m.AddProcess(7);
        Assert.That(fs.Writes.Where(w => w.Path.EndsWith("cgroup.procs")), Is.EqualTo(new[] { ("a/b/cgroup.procs", "7") }));
    }

    [Test]
    public void CreateOnV2EnablesControllersDownToTheContainer()
    {
        using var fs = FakeCgroupFs.V2();
        fs.File("cgroup.subtree_control", "memory pids\n");
        var m = Open(fs, "/a/b");
        m.Create();
        Assert.That(fs.Writes.Select(w => $"{w.Path}={w.Content}"), Is.EqualTo(new[]
        {
            "cgroup.subtree_control=+cpuset", "cgroup.subtree_control=+cpu", "cgroup.subtree_control=+io",
            "cgroup.subtree_control=+hugetlb", "cgroup.subtree_control=+rdma", "cgroup.subtree_control=+misc",
            "a/cgroup.subtree_control=+cpu", "a/cgroup.subtree_control=+cpuset", "a/cgroup.subtree_control=+hugetlb",
            "a/cgroup.subtree_control=+io", "a/cgroup.subtree_control=+memory", "a/cgroup.subtree_control=+misc",
            "a/cgroup.subtree_control=+pids", "a/cgroup.subtree_control=+rdma",
        }));
        Assert.That(fs.Read("a/b/cgroup.controllers").Trim(), Is.EqualTo("cpu cpuset hugetlb io memory misc pids rdma"));
    }

    [Test]
    public void DevicesV1WritesDenyAllThenRulesInOrder()
    {
        using var fs = FakeCgroupFs.V1();
        var m = Open(fs, "/c1");
        m.Create();
        fs.Writes.Clear();
        var result = m.ApplyDevices(
        [
            new DeviceCgroup { Allow = false, Access = "rwm" },
            new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" },
            new DeviceCgroup { Allow = true, Type = "c", Major = 136, Access = "rw" },
            new DeviceCgroup { Allow = true, Type = "b", Minor = 0 },
            new DeviceCgroup { Allow = false, Type = "c", Major = 5, Minor = 1, Access = "w" },
        ]);
        Assert.That(result, Is.EqualTo(DeviceEnforcement.Enforced));
        Assert.That(fs.Writes, Is.EqualTo(new[]
        {
            ("devices/c1/devices.deny", "a"),
            ("devices/c1/devices.deny", "a *:* rwm"),
            ("devices/c1/devices.allow", "c 1:3 rwm"),
            ("devices/c1/devices.allow", "c 136:* rw"),
            ("devices/c1/devices.allow", "b *:0 rwm"),
            ("devices/c1/devices.deny", "c 5:1 w"),
        }));
    }

    [Test]
    public void DevicesOnV2AttachAFilterAndWriteNothing()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/c1");
        m.Create();
        fs.Writes.Clear();
        var attached = new System.Collections.Generic.List<(string Dir, System.Collections.Generic.IReadOnlyList<ulong> Program)>();
        m.AttachDeviceFilter = (dir, program) => attached.Add((dir, program));
        Assert.That(m.ApplyDevices([new DeviceCgroup { Allow = false, Access = "rwm" }, new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3 }]), Is.EqualTo(DeviceEnforcement.Enforced));
        Assert.That(fs.Writes, Is.Empty);
        Assert.That(attached, Has.Count.EqualTo(1));
        Assert.That(attached[0].Dir, Is.EqualTo(fs.Root + "/c1"));
        var typeChar = 2u;
        var read = 2u << 16;
        Assert.That(BpfInterpreter.Run(attached[0].Program, typeChar | read, 1, 3), Is.EqualTo(1UL));
        Assert.That(BpfInterpreter.Run(attached[0].Program, typeChar | read, 1, 5), Is.EqualTo(0UL));
    }

    [TestCase(false, DeviceEnforcement.NotEnforced)]
    [TestCase(true, null)]
    public void DeviceFilterRefusedByTheKernel(bool root, DeviceEnforcement? expected)
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/c1");
        m.IsRoot = () => root;
        m.AttachDeviceFilter = (_, _) => throw new SyscallException("load device filter", 1);
        if (expected is { } e)
            Assert.That(m.ApplyDevices([]), Is.EqualTo(e));
        else
            Assert.Throws<SyscallException>(() => m.ApplyDevices([]));
    }

    [TestCase("u", "config.json: linux.resources.devices[0].type: unknown type \"u\" (a, c or b)")]
    [TestCase("c", "config.json: linux.resources.devices[0].access: \"rx\" may only contain r, w and m")]
    public void BadDeviceRulesAreRejected(string type, string message) =>
        Assert.That(() => CgroupV1DeviceRules.Plan([new DeviceCgroup { Type = type, Access = type == "c" ? "rx" : "r" }]),
            Throws.TypeOf<RuntimeException>().With.Message.EqualTo(message));

    [Test]
    public void PidsAreCollectedRecursively()
    {
        using var fs = FakeCgroupFs.V1();
        fs.Dir("devices/c1/sub/deeper");
        fs.File("devices/c1/cgroup.procs", "10\n11\n");
        fs.File("devices/c1/sub/cgroup.procs", "12\n");
        fs.File("devices/c1/sub/deeper/cgroup.procs", "13\n10\n");
        fs.File("pids/c1/cgroup.procs", "99\n");
        Assert.That(Open(fs, "/c1").Pids(), Is.EqualTo(new[] { 10, 11, 12, 13 }));
    }

    [Test]
    public void PidsOfAMissingCgroupAreEmpty()
    {
        using var fs = FakeCgroupFs.V2();
        Assert.That(Open(fs, "/nope").Pids(), Is.Empty);
    }

    [Test]
    public void GarbageInCgroupProcsIsAnError()
    {
        using var fs = FakeCgroupFs.V2();
        fs.Dir("c1");
        fs.File("c1/cgroup.procs", "1\nabc\n");
        Assert.That(() => Open(fs, "/c1").Pids(), Throws.TypeOf<RuntimeException>().With.Message.Contains("\"abc\""));
    }

    [TestCase("FROZEN\n", true)]
    [TestCase("THAWED\n", false)]
    [TestCase("FREEZING\n", false)]
    public void FrozenOnV1ReadsFreezerState(string state, bool frozen)
    {
        using var fs = FakeCgroupFs.Hybrid();
        fs.Dir("freezer/c1");
        fs.File("freezer/c1/freezer.state", state);
        Assert.That(Open(fs, "/c1").IsFrozen(), Is.EqualTo(frozen));
    }

    [TestCase("1", "populated 1\nfrozen 1\n", true)]
    [TestCase("1", "populated 1\nfrozen 0\n", false)]
    [TestCase("0", "populated 1\nfrozen 1\n", false)]
    public void FrozenOnV2ReadsFreezeAndEvents(string freeze, string events, bool frozen)
    {
        using var fs = FakeCgroupFs.V2();
        fs.Dir("c1");
        fs.File("c1/cgroup.freeze", freeze + "\n");
        fs.File("c1/cgroup.events", events);
        Assert.That(Open(fs, "/c1").IsFrozen(), Is.EqualTo(frozen));
    }

    [Test]
    public void DestroyRemovesLeafFirstAndKeepsParents()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/default/c1");
        m.Create();
        fs.Dir("default/c1/a/b");
        fs.Dir("default/c1/z");
        m.Destroy();
        Assert.That(fs.Removed, Is.EqualTo(new[] { "default/c1/z", "default/c1/a/b", "default/c1/a", "default/c1" }));
        Assert.That(fs.Exists("default"), Is.True);
        Assert.That(fs.Exists("default/c1"), Is.False);
    }

    [Test]
    public void DestroyRemovesEveryHierarchy()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs, "/c1");
        m.Create();
        m.Destroy();
        Assert.That(fs.Removed, Has.Count.EqualTo(10));
        Assert.That(m.Paths.Values.Any(p => System.IO.Directory.Exists(p)), Is.False);
    }

    [Test]
    public void DestroyOfAMissingCgroupIsANoOp()
    {
        using var fs = FakeCgroupFs.V1();
        Assert.That(() => Open(fs, "/never/created").Destroy(), Throws.Nothing);
        Assert.That(fs.Removed, Is.Empty);
    }

    [Test]
    public void DestroyRetriesBusyDirectories()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/c1");
        m.Create();
        fs.BusyCount["c1"] = 2;
        m.Destroy();
        Assert.That(fs.Exists("c1"), Is.False);
        Assert.That(fs.BusyCount["c1"], Is.EqualTo(0));
    }

    [Test]
    public void DestroyGivesUpAfterItsTimeout()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs, "/c1");
        m.RemoveTimeout = TimeSpan.FromMilliseconds(50);
        m.Create();
        fs.BusyCount["c1"] = -1;
        Assert.That(() => m.Destroy(), Throws.TypeOf<RuntimeException>().With.Message.StartsWith("remove cgroup /c1: rmdir `" + fs.Root + "/c1`:"));
        Assert.That(fs.Exists("c1"), Is.True);
    }
}
