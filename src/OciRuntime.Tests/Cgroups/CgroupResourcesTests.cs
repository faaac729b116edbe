using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class CgroupResourcesTests
{
    private static CgroupManager Open(FakeCgroupFs fs, string path = "/p/c") => CgroupManager.Open(path, fs, () => "0::/\n");

    /// <summary>The control files this host's kernel has in each v1 hierarchy root (copied into new cgroups by the fake).</summary>
    private static FakeCgroupFs V1WithFiles()
    {
        var fs = FakeCgroupFs.V1();
        foreach (var f in new[] { "memory/memory.limit_in_bytes", "memory/memory.memsw.limit_in_bytes", "cpu,cpuacct/cpu.shares", "pids/pids.max", "net_cls,net_prio/net_cls.classid", "freezer/freezer.state" })
            fs.File(f, "");
        return fs;
    }

    [Test]
    public void V1WritesEachControllersDirectory()
    {
        using var fs = V1WithFiles();
        var m = Open(fs);
        m.Create();
        m.ApplyResources(m.PlanResources(new LinuxResources { Memory = new() { Limit = 1 << 20 }, Cpu = new() { Shares = 100, Cpus = "1" }, Pids = new() { Limit = 9 }, Network = new() { ClassId = 3 } }));
        Assert.That(fs.Read("memory/p/c/memory.limit_in_bytes"), Is.EqualTo("1048576"));
        Assert.That(fs.Read("cpu,cpuacct/p/c/cpu.shares"), Is.EqualTo("100"));
        Assert.That(fs.Read("cpuset/p/c/cpuset.cpus"), Is.EqualTo("1"));
        Assert.That(fs.Read("pids/p/c/pids.max"), Is.EqualTo("9"));
        Assert.That(fs.Read("net_cls,net_prio/p/c/net_cls.classid"), Is.EqualTo("3"));
    }

    [Test]
    public void V1RefusesControllersTheHostDoesNotMountBeforeCreating()
    {
        using var fs = FakeCgroupFs.Hybrid();
        var m = Open(fs);
        Assert.That(() => m.PlanResources(new LinuxResources { HugepageLimits = [new() { PageSize = "2MB", Limit = 0 }] }),
            Throws.TypeOf<RuntimeException>().With.Message.EqualTo("config.json: linux.resources.hugepageLimits[0].limit: the hugetlb cgroup controller is not mounted on this host"));
        Assert.That(fs.Exists("memory/p"), Is.False);
    }

    [Test]
    public void V2RefusesControllersTheRootDoesNotOffer()
    {
        using var fs = FakeCgroupFs.V2();
        fs.File("cgroup.controllers", "memory pids\n");
        Assert.That(() => Open(fs).PlanResources(new LinuxResources { Cpu = new() { Shares = 2 } }),
            Throws.TypeOf<RuntimeException>().With.Message.EqualTo("config.json: linux.resources.cpu.shares: the cpu cgroup controller is not available on this host"));
    }

    [Test]
    public void V2WritesTheOneDirectoryAndRefusesUnknownFiles()
    {
        using var fs = FakeCgroupFs.V2();
        fs.File("cgroup.subtree_control", "cpu memory pids\n");
        var m = Open(fs);
        m.Create();
        foreach (var f in new[] { "memory.max", "memory.swap.max", "cpu.weight", "cpu.max" })
            fs.File("p/c/" + f, "");
        m.ApplyResources(m.PlanResources(new LinuxResources { Memory = new() { Limit = 4096, Swap = 8192 }, Cpu = new() { Shares = 1024, Quota = 1000, Period = 10000 } }));
        Assert.That(fs.Read("p/c/memory.max"), Is.EqualTo("4096"));
        Assert.That(fs.Read("p/c/memory.swap.max"), Is.EqualTo("4096"));
        Assert.That(fs.Read("p/c/cpu.weight"), Is.EqualTo("39"));
        Assert.That(fs.Read("p/c/cpu.max"), Is.EqualTo("1000 10000"));
        var unknown = m.PlanResources(new LinuxResources { Unified = new() { ["memory.nonesuch"] = "1" } });
        Assert.That(() => m.ApplyResources(unknown), Throws.TypeOf<RuntimeException>().With.Message.StartWith("config.json: linux.resources.unified[\"memory.nonesuch\"]: `").And.Message.Contains("p/c/memory.nonesuch` does not exist"));
    }

    [TestCase("104857600", "memory.memsw.limit_in_bytes")] // raising past the old limit: memsw first
    [TestCase("9223372036854771712", "memory.limit_in_bytes")] // lowering from unlimited: limit first
    public void V1OrdersMemoryAndSwapAgainstTheCurrentLimit(string current, string first)
    {
        using var fs = V1WithFiles();
        var m = Open(fs);
        m.Create();
        fs.File("memory/p/c/memory.limit_in_bytes", current + "\n");
        fs.Writes.Clear();
        m.ApplyResources(m.PlanResources(new LinuxResources { Memory = new() { Limit = 200 << 20, Swap = 400 << 20 } }));
        Assert.That(fs.Writes[0].Path, Is.EqualTo("memory/p/c/" + first));
        Assert.That(fs.Writes, Has.Count.EqualTo(2));
    }

    [Test]
    public void V1FallsBackToBfqWeightAndSkipsDroppedKmem()
    {
        using var fs = V1WithFiles();
        var m = Open(fs);
        m.Create();
        fs.File("blkio/p/c/blkio.bfq.weight", "100\n");
        var settings = m.PlanResources(new LinuxResources { BlockIo = new() { Weight = 300 }, Memory = new() { Kernel = 1 << 20 } });
        m.ApplyResources(settings);
        Assert.That(fs.Read("blkio/p/c/blkio.bfq.weight"), Is.EqualTo("300"));
        Assert.That(fs.Exists("memory/p/c/memory.kmem.limit_in_bytes"), Is.False);
    }

    [Test]
    public void FreezeV1WaitsForFrozen()
    {
        using var fs = FakeCgroupFs.V1();
        var m = Open(fs);
        m.Create();
        m.SetFrozen(true);
        Assert.That(fs.Read("freezer/p/c/freezer.state"), Is.EqualTo("FROZEN"));
        Assert.That(m.IsFrozen(), Is.True);
        m.SetFrozen(false);
        Assert.That(m.IsFrozen(), Is.False);
    }

    [Test]
    public void FreezeV2TimesOutAndThawsWhenTheKernelNeverReportsFrozen()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs);
        m.Create();
        fs.File("p/c/cgroup.freeze", "0\n");
        fs.File("p/c/cgroup.events", "populated 1\nfrozen 0\n");
        fs.Writes.Clear();
        var old = CgroupFreezer.Timeout;
        CgroupFreezer.Timeout = System.TimeSpan.FromMilliseconds(50);
        try
        {
            Assert.That(() => m.SetFrozen(true), Throws.TypeOf<RuntimeException>().With.Message.Contains("did not report \"frozen 1\""));
            Assert.That(fs.Writes.Select(w => w.Content), Is.EqualTo(new[] { "1", "0" }));
        }
        finally
        {
            CgroupFreezer.Timeout = old;
        }
        fs.File("p/c/cgroup.events", "populated 1\nfrozen 1\n");
        m.SetFrozen(true);
        Assert.That(m.IsFrozen(), Is.True);
    }

    [Test]
    public void KillAllUsesCgroupKillOnlyOnV2()
    {
        using var v2 = FakeCgroupFs.V2();
        var m = Open(v2);
        m.Create();
        Assert.That(m.KillAll(), Is.False);
        v2.File("p/c/cgroup.kill", "");
        Assert.That(m.KillAll(), Is.True);
        Assert.That(v2.Read("p/c/cgroup.kill"), Is.EqualTo("1"));

        using var hybrid = FakeCgroupFs.Hybrid();
        var h = Open(hybrid);
        h.Create();
        hybrid.File("unified/p/c/cgroup.kill", "");
        Assert.That(h.KillAll(), Is.False);
    }

    [Test]
    public void StatsV1()
    {
        using var fs = FakeCgroupFs.V1();
        var m = Open(fs);
        m.Create();
        fs.File("cpu,cpuacct/p/c/cpuacct.usage", "5000\n");
        fs.File("cpu,cpuacct/p/c/cpuacct.usage_percpu", "3000 2000 \n");
        fs.File("cpu,cpuacct/p/c/cpuacct.stat", "user 3\nsystem 1\n");
        fs.File("cpu,cpuacct/p/c/cpu.stat", "nr_periods 10\nnr_throttled 2\nthrottled_time 777\n");
        fs.File("memory/p/c/memory.usage_in_bytes", "4096\n");
        fs.File("memory/p/c/memory.limit_in_bytes", "8192\n");
        fs.File("memory/p/c/memory.failcnt", "1\n");
        fs.File("memory/p/c/memory.stat", "cache 12\nrss 34\n");
        fs.File("pids/p/c/pids.current", "3\n");
        fs.File("pids/p/c/pids.max", "max\n");
        fs.File("blkio/p/c/blkio.throttle.io_service_bytes_recursive", "8:0 Read 100\n8:0 Write 200\nTotal 300\n");
        fs.File("memory/p/c/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        var s = m.Stats();
        Assert.That(s.Cpu.Usage.Total, Is.EqualTo(5000));
        Assert.That(s.Cpu.Usage.Percpu, Is.EqualTo(new[] { 3000UL, 2000UL }));
        Assert.That(s.Cpu.Usage.User, Is.EqualTo(30_000_000));
        Assert.That(s.Cpu.Usage.Kernel, Is.EqualTo(10_000_000));
        Assert.That(s.Cpu.Throttling.ThrottledTime, Is.EqualTo(777));
        Assert.That(s.Memory.Usage, Is.EqualTo(new Core.Linux.Cgroups.Stats.MemoryEntry { Usage = 4096, Limit = 8192, Failcnt = 1 }));
        Assert.That(s.Memory.Cache, Is.EqualTo(12));
        Assert.That(s.Memory.Raw!["rss"], Is.EqualTo(34));
        Assert.That(s.Pids.Current, Is.EqualTo(3));
        Assert.That(s.Pids.Limit, Is.EqualTo(0));
        Assert.That(s.Blkio.IoServiceBytesRecursive!.Select(e => $"{e.Major}:{e.Minor} {e.Op} {e.Value}"), Is.EqualTo(new[] { "8:0 Read 100", "8:0 Write 200" }));
        Assert.That(m.OomKills(), Is.EqualTo(2));
    }

    [Test]
    public void StatsV2()
    {
        using var fs = FakeCgroupFs.V2();
        var m = Open(fs);
        m.Create();
        fs.File("p/c/cpu.stat", "usage_usec 7\nuser_usec 5\nsystem_usec 2\nnr_periods 4\nnr_throttled 1\nthrottled_usec 3\n");
        fs.File("p/c/memory.current", "100\n");
        fs.File("p/c/memory.max", "max\n");
        fs.File("p/c/memory.swap.current", "20\n");
        fs.File("p/c/memory.events", "low 0\nhigh 0\nmax 6\noom 1\noom_kill 1\n");
        fs.File("p/c/memory.stat", "anon 40\nfile 60\n");
        fs.File("p/c/pids.current", "2\n");
        fs.File("p/c/pids.max", "10\n");
        fs.File("p/c/io.stat", "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0\n");
        fs.File("p/c/hugetlb.2MB.current", "0\n");
        fs.File("p/c/hugetlb.2MB.max", "4194304\n");
        fs.File("p/c/hugetlb.2MB.events", "max 5\n");
        fs.File("p/c/hugetlb.2MB.rsvd.max", "max\n");
        var s = m.Stats();
        Assert.That(s.Cpu.Usage.Total, Is.EqualTo(7000));
        Assert.That(s.Cpu.Usage.User, Is.EqualTo(5000));
        Assert.That(s.Cpu.Throttling.ThrottledTime, Is.EqualTo(3000));
        Assert.That(s.Memory.Usage.Usage, Is.EqualTo(100));
        Assert.That(s.Memory.Usage.Limit, Is.EqualTo(ulong.MaxValue));
        Assert.That(s.Memory.Usage.Failcnt, Is.EqualTo(6));
        Assert.That(s.Memory.Swap.Usage, Is.EqualTo(120));
        Assert.That(s.Memory.Cache, Is.EqualTo(60));
        Assert.That(s.Pids.Limit, Is.EqualTo(10));
        Assert.That(s.Blkio.IoServiceBytesRecursive!.Select(e => $"{e.Op} {e.Value}"), Is.EqualTo(new[] { "Read 1", "Write 2" }));
        Assert.That(s.Blkio.IoServicedRecursive!.Select(e => $"{e.Op} {e.Value}"), Is.EqualTo(new[] { "Read 3", "Write 4" }));
        Assert.That(s.Hugetlb.Keys, Is.EqualTo(new[] { "2MB" }));
        Assert.That(s.Hugetlb["2MB"].Failcnt, Is.EqualTo(5));
        Assert.That(m.OomKills(), Is.EqualTo(1));
    }
}
