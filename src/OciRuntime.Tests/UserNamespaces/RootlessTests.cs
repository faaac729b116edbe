using System.Collections.Generic;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Linux.UserNamespaces;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.UserNamespaces;

public class RootlessTests
{
    static IdMapping M(uint c, uint h, uint s) => new() { ContainerId = c, HostId = h, Size = s };

    const string SubUid = """
        # comment
        alice:100000:65536
        1001:300000:1000
        bob:200000:65536
        alice:500000:10
        """;

    [Test]
    public void SubordinateRangesByNameAndNumber()
    {
        Assert.That(SubordinateIds.Ranges(SubUid, "alice", 1000), Is.EqualTo(new[] { (100000u, 65536u), (500000u, 10u) }));
        Assert.That(SubordinateIds.Ranges(SubUid, "carol", 1001), Is.EqualTo(new[] { (300000u, 1000u) }));
        Assert.That(SubordinateIds.Ranges(SubUid, "dave", 1002), Is.Empty);
    }

    [Test]
    public void CoverageIsWithinOneRange()
    {
        var alice = SubordinateIds.Ranges(SubUid, "alice", 1000);
        Assert.That(SubordinateIds.Covers(alice, 100000, 65536), Is.True);
        Assert.That(SubordinateIds.Covers(alice, 100001, 65536), Is.False);
        Assert.That(SubordinateIds.Covers(alice, 500005, 5), Is.True);
        Assert.That(SubordinateIds.Describe(alice), Is.EqualTo("100000-165535, 500000-500009"));
    }

    [Test]
    public void RootWritesEveryMapItself() =>
        Assert.That(IdMapMethods.Choose([M(0, 100000, 65536)], [M(0, 100000, 65536)], 0, 0), Is.EqualTo(new IdMapMethods(true, true)));

    [Test]
    public void NonRootWritesOnlyItsOwnSingleId()
    {
        Assert.That(IdMapMethods.Choose([M(0, 1000, 1)], [M(0, 1000, 1)], 1000, 1000), Is.EqualTo(new IdMapMethods(true, true)));
        Assert.That(IdMapMethods.Choose([M(0, 1000, 1), M(1, 100000, 65536)], [M(0, 1000, 1)], 1000, 1000), Is.EqualTo(new IdMapMethods(false, true)));
        Assert.That(IdMapMethods.Choose([M(0, 1000, 1)], [M(0, 1001, 1)], 1000, 1000), Is.EqualTo(new IdMapMethods(true, false)));
        Assert.That(IdMapMethods.Choose([M(0, 1000, 2)], [M(0, 1000, 1)], 1000, 1000), Is.EqualTo(new IdMapMethods(false, true)));
    }

    [Test]
    public void UngrantedRangeIsFoundButOwnIdIsAlwaysAllowed()
    {
        var alice = SubordinateIds.Ranges(SubUid, "alice", 1000);
        Assert.That(IdMapMethods.FirstUngranted([M(0, 1000, 1), M(1, 100000, 65536)], alice, 1000), Is.Null);
        var bad = IdMapMethods.FirstUngranted([M(0, 1000, 1), M(1, 100000, 10), M(11, 200000, 10)], alice, 1000);
        Assert.That(bad, Is.Not.Null);
        Assert.That(bad!.Value.Index, Is.EqualTo(2));
    }

    sealed class FakeCgroup(CgroupMode mode, string dir) : ICgroupManager
    {
        public string Path => "/x";
        public CgroupMode Mode => mode;
        public IReadOnlyDictionary<string, string> Paths => new Dictionary<string, string> { [""] = dir };
        public void Create() { }
        public void AddProcess(int pid, bool exceptSelfJoined = false) { }
        public IReadOnlyList<string> SelfJoinFiles => [];
        public bool JoinsBeyondSelfJoin => false;
        public DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules) => DeviceEnforcement.Enforced;
        public IReadOnlyList<int> Pids() => [];
        public bool IsFrozen() => false;
        public void Destroy() { }
        public IReadOnlyList<OciRuntime.Core.Planning.CgroupSetting> PlanResources(LinuxResources? resources, string origin = "config.json") => [];
        public void ApplyResources(IReadOnlyList<OciRuntime.Core.Planning.CgroupSetting> settings) { }
        public void SetFrozen(bool frozen) { }
        public bool KillAll() => false;
        public OciRuntime.Core.Linux.Cgroups.Stats.CgroupStats Stats() => new();
        public ulong OomKills() => 0;
    }

    [Test]
    public void RootKeepsItsCgroup()
    {
        var cg = new FakeCgroup(CgroupMode.Legacy, "/sys/fs/cgroup/x");
        Assert.That(RootlessCgroups.Choose(cg, 0, _ => false), Is.EqualTo(((ICgroupManager)cg, (string?)null)));
    }

    [Test]
    public void NonRootOnV1SkipsWithAWarning()
    {
        var (chosen, warning) = RootlessCgroups.Choose(new FakeCgroup(CgroupMode.Hybrid, "/sys/fs/cgroup/unified/x"), 1000, _ => true);
        Assert.That(chosen, Is.InstanceOf<SkippedCgroup>());
        Assert.That(warning, Does.Contain("cgroup v1"));
    }

    [Test]
    public void NonRootOnV2UsesADelegatedCgroupOnly()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ocirt-deleg-" + System.Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var cg = new FakeCgroup(CgroupMode.Unified, dir + "/a/b");
            string? asked = null;
            var (chosen, warning) = RootlessCgroups.Choose(cg, 1000, p => { asked = p; return true; });
            Assert.That(chosen, Is.SameAs(cg));
            Assert.That(warning, Is.Null);
            Assert.That(asked, Is.EqualTo(dir), "writability is checked on the nearest existing ancestor");

            var (skipped, why) = RootlessCgroups.Choose(cg, 1000, _ => false);
            Assert.That(skipped, Is.InstanceOf<SkippedCgroup>());
            Assert.That(why, Does.Contain("Delegate=yes"));
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }
}
