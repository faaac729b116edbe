using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class CgroupV2ResourcePlannerTests
{
    private static string[] Lines(LinuxResources r) =>
        CgroupV2ResourcePlanner.Plan(r).Select(s => $"{s.Controller} {s.File}={s.Value}").ToArray();

    private static string Error(LinuxResources r) =>
        Assert.Throws<RuntimeException>(() => CgroupV2ResourcePlanner.Plan(r))!.Message;

    [Test]
    public void MemoryConvertsSwapAndUnlimited()
    {
        Assert.That(Lines(new() { Memory = new() { Limit = 100 << 20, Swap = 300 << 20, Reservation = 50 << 20, Kernel = 1 << 20, Swappiness = 5, DisableOomKiller = true } }), Is.EqualTo(new[]
        {
            "memory memory.swap.max=209715200",
            "memory memory.max=104857600",
            "memory memory.low=52428800",
        }));
        Assert.That(Lines(new() { Memory = new() { Limit = -1, Swap = -1 } }), Is.EqualTo(new[] { "memory memory.swap.max=max", "memory memory.max=max" }));
        Assert.That(Lines(new() { Memory = new() { Limit = 100, Swap = 100 } }), Is.EqualTo(new[] { "memory memory.swap.max=0", "memory memory.max=100" }));
    }

    [Test]
    public void SwapWithoutLimitIsRefused() =>
        Assert.That(Error(new() { Memory = new() { Swap = 1 << 20 } }), Does.StartWith("config.json: linux.resources.memory.swap: a swap limit needs a memory limit"));

    [Test]
    public void Cpu()
    {
        Assert.That(Lines(new() { Cpu = new() { Shares = 1024, Quota = 50000, Period = 100000, Burst = 1000, Idle = 0, Cpus = "0", Mems = "0" } }), Is.EqualTo(new[]
        {
            "cpu cpu.weight=39",
            "cpu cpu.max=50000 100000",
            "cpu cpu.max.burst=1000",
            "cpu cpu.idle=0",
            "cpuset cpuset.cpus=0",
            "cpuset cpuset.mems=0",
        }));
        Assert.That(Lines(new() { Cpu = new() { Quota = -1, Period = 200000 } }), Is.EqualTo(new[] { "cpu cpu.max=max 200000" }));
        Assert.That(Lines(new() { Cpu = new() { Quota = 20000 } }), Is.EqualTo(new[] { "cpu cpu.max=20000" }));
    }

    [Test]
    public void RealtimeIsRefused() =>
        Assert.That(Error(new() { Cpu = new() { RealtimeRuntime = 100 } }), Is.EqualTo("config.json: linux.resources.cpu.realtimeRuntime: realtime scheduling limits exist only on cgroup v1"));

    [Test]
    public void IoConvertsWeightsAndThrottles() =>
        Assert.That(Lines(new()
        {
            BlockIo = new()
            {
                Weight = 500,
                WeightDevice = [new() { Major = 8, Minor = 0, Weight = 100 }],
                ThrottleReadBpsDevice = [new() { Major = 8, Minor = 0, Rate = 1048576 }],
                ThrottleWriteBpsDevice = [new() { Major = 8, Minor = 0, Rate = 0 }],
                ThrottleReadIopsDevice = [new() { Major = 8, Minor = 0, Rate = 10 }],
                ThrottleWriteIopsDevice = [new() { Major = 8, Minor = 0, Rate = 20 }],
            },
        }), Is.EqualTo(new[]
        {
            "io io.weight=default 4950",
            "io io.weight=8:0 910",
            "io io.max=8:0 rbps=1048576",
            "io io.max=8:0 wbps=max",
            "io io.max=8:0 riops=10",
            "io io.max=8:0 wiops=20",
        }));

    [Test]
    public void PidsHugetlbRdma() =>
        Assert.That(Lines(new() { Pids = new() { Limit = 20 }, HugepageLimits = [new() { PageSize = "2MB", Limit = 2097152 }], Rdma = new() { ["mlx4_0"] = new() { HcaObjects = 7 } } }), Is.EqualTo(new[]
        {
            "pids pids.max=20",
            "hugetlb hugetlb.2MB.max=2097152",
            "rdma rdma.max=mlx4_0 hca_handle=max hca_object=7",
        }));

    [Test]
    public void UnifiedKeysComeLastAndOverride() =>
        Assert.That(Lines(new() { Pids = new() { Limit = 20 }, Unified = new() { ["pids.max"] = "30", ["memory.high"] = "50M", ["cgroup.max.depth"] = "3" } }), Is.EqualTo(new[]
        {
            "pids pids.max=20",
            " cgroup.max.depth=3",
            "memory memory.high=50M",
            "pids pids.max=30",
        }));

    [TestCase("../memory.max", "is not a cgroup v2 interface file name (controller.name)")]
    [TestCase("memory", "is not a cgroup v2 interface file name (controller.name)")]
    [TestCase("cgroup.procs", "is managed by the runtime and cannot be set")]
    [TestCase("cgroup.subtree_control", "is managed by the runtime and cannot be set")]
    public void BadUnifiedKeys(string key, string why) =>
        Assert.That(Error(new() { Unified = new() { [key] = "1" } }), Is.EqualTo($"config.json: linux.resources.unified[\"{key}\"]: {why}"));

    [Test]
    public void NetworkIsRefused() =>
        Assert.That(Error(new() { Network = new() { ClassId = 1 } }), Does.StartWith("config.json: linux.resources.network: net_cls and net_prio exist only on cgroup v1"));
}
