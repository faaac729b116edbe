using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class CgroupV1ResourcePlannerTests
{
    private static string[] Lines(LinuxResources r) =>
        CgroupV1ResourcePlanner.Plan(r).Select(s => $"{s.Controller} {s.File}={s.Value}").ToArray();

    private static string Error(LinuxResources r) =>
        Assert.Throws<RuntimeException>(() => CgroupV1ResourcePlanner.Plan(r))!.Message;

    [Test]
    public void NothingForNoResources()
    {
        Assert.That(CgroupV1ResourcePlanner.Plan(null), Is.Empty);
        Assert.That(CgroupV1ResourcePlanner.Plan(new LinuxResources()), Is.Empty);
    }

    [Test]
    public void Memory() =>
        Assert.That(Lines(new() { Memory = new() { Limit = 100 << 20, Swap = 200 << 20, Reservation = 50 << 20, Kernel = -1, KernelTcp = 1 << 20, Swappiness = 10, DisableOomKiller = true, UseHierarchy = true } }), Is.EqualTo(new[]
        {
            "memory memory.limit_in_bytes=104857600",
            "memory memory.memsw.limit_in_bytes=209715200",
            "memory memory.soft_limit_in_bytes=52428800",
            "memory memory.kmem.limit_in_bytes=-1",
            "memory memory.kmem.tcp.limit_in_bytes=1048576",
            "memory memory.swappiness=10",
            "memory memory.use_hierarchy=1",
            "memory memory.oom_control=1",
        }));

    [Test]
    public void ZeroMemoryValuesAreUnset() =>
        Assert.That(Lines(new() { Memory = new() { Limit = 0, Swap = 0, DisableOomKiller = false } }), Is.Empty);

    [Test]
    public void Cpu() =>
        Assert.That(Lines(new() { Cpu = new() { Shares = 512, Quota = 50000, Period = 100000, Burst = 1000, RealtimePeriod = 1000000, RealtimeRuntime = 950000, Idle = 1, Cpus = "0-1", Mems = "0" } }), Is.EqualTo(new[]
        {
            "cpu cpu.shares=512",
            "cpu cpu.cfs_period_us=100000",
            "cpu cpu.cfs_quota_us=50000",
            "cpu cpu.cfs_burst_us=1000",
            "cpu cpu.rt_period_us=1000000",
            "cpu cpu.rt_runtime_us=950000",
            "cpu cpu.idle=1",
            "cpuset cpuset.cpus=0-1",
            "cpuset cpuset.mems=0",
        }));

    [TestCase(50L, "pids pids.max=50")]
    [TestCase(-1L, "pids pids.max=max")]
    public void Pids(long limit, string line) =>
        Assert.That(Lines(new() { Pids = new() { Limit = limit } }), Is.EqualTo(new[] { line }));

    [Test]
    public void BlockIo() =>
        Assert.That(Lines(new()
        {
            BlockIo = new()
            {
                Weight = 500,
                LeafWeight = 300,
                WeightDevice = [new() { Major = 8, Minor = 0, Weight = 600, LeafWeight = 10 }],
                ThrottleReadBpsDevice = [new() { Major = 8, Minor = 0, Rate = 1048576 }],
                ThrottleWriteBpsDevice = [new() { Major = 8, Minor = 16, Rate = 0 }],
                ThrottleReadIopsDevice = [new() { Major = 8, Minor = 0, Rate = 100 }],
                ThrottleWriteIopsDevice = [new() { Major = 8, Minor = 0, Rate = 200 }],
            },
        }), Is.EqualTo(new[]
        {
            "blkio blkio.weight=500",
            "blkio blkio.leaf_weight=300",
            "blkio blkio.weight_device=8:0 600",
            "blkio blkio.leaf_weight_device=8:0 10",
            "blkio blkio.throttle.read_bps_device=8:0 1048576",
            "blkio blkio.throttle.write_bps_device=8:16 0",
            "blkio blkio.throttle.read_iops_device=8:0 100",
            "blkio blkio.throttle.write_iops_device=8:0 200",
        }));

    [Test]
    public void HugetlbNetworkRdma() =>
        Assert.That(Lines(new()
        {
            HugepageLimits = [new() { PageSize = "2MB", Limit = 4194304 }, new() { PageSize = "1GB", Limit = 0 }],
            Network = new() { ClassId = 0x100001, Priorities = [new() { Name = "eth0", Priority = 5 }, new() { Name = "lo", Priority = 2 }] },
            Rdma = new() { ["mlx5_1"] = new() { HcaHandles = 3 }, ["mlx4_0"] = new() { HcaHandles = 1, HcaObjects = 1000 } },
        }), Is.EqualTo(new[]
        {
            "hugetlb hugetlb.2MB.limit_in_bytes=4194304",
            "hugetlb hugetlb.1GB.limit_in_bytes=0",
            "net_cls net_cls.classid=1048577",
            "net_prio net_prio.ifpriomap=eth0 5",
            "net_prio net_prio.ifpriomap=lo 2",
            "rdma rdma.max=mlx4_0 hca_handle=1 hca_object=1000",
            "rdma rdma.max=mlx5_1 hca_handle=3 hca_object=max",
        }));

    [Test]
    public void UnifiedIsRefused() =>
        Assert.That(Error(new() { Unified = new() { ["memory.max"] = "1M" } }),
            Is.EqualTo("config.json: linux.resources.unified: needs a cgroup v2 host (this host runs cgroup v1)"));

    [TestCase("memory.limit", -2L)]
    [TestCase("memory.reservation", -5L)]
    public void NegativeMemoryIsRefused(string field, long value)
    {
        var m = field == "memory.limit" ? new MemoryResources { Limit = value } : new MemoryResources { Reservation = value };
        Assert.That(Error(new() { Memory = m }), Is.EqualTo($"config.json: linux.resources.{field}: {value} is not a valid limit (a positive number, or -1 for unlimited)"));
    }

    [Test]
    public void BadValuesNameTheirJsonPath()
    {
        Assert.That(Error(new() { Memory = new() { Limit = 200, Swap = 100 } }), Does.StartWith("config.json: linux.resources.memory.swap: 100 is below"));
        Assert.That(Error(new() { Memory = new() { Swappiness = 101 } }), Is.EqualTo("config.json: linux.resources.memory.swappiness: 101 is out of range [0, 100]"));
        Assert.That(Error(new() { Cpu = new() { Shares = 1 } }), Is.EqualTo("config.json: linux.resources.cpu.shares: 1 is out of range [2, 262144]"));
        Assert.That(Error(new() { Cpu = new() { Quota = -7 } }), Does.StartWith("config.json: linux.resources.cpu.quota: -7 is not"));
        Assert.That(Error(new() { Cpu = new() { Idle = 2 } }), Is.EqualTo("config.json: linux.resources.cpu.idle: 2 is not 0 or 1"));
        Assert.That(Error(new() { Cpu = new() { Cpus = "0-x" } }), Is.EqualTo("config.json: linux.resources.cpu.cpus: \"0-x\" is not a list like 0-3,5"));
        Assert.That(Error(new() { Pids = new() { Limit = -3 } }), Does.StartWith("config.json: linux.resources.pids.limit: -3 is not"));
        Assert.That(Error(new() { BlockIo = new() { Weight = 5 } }), Is.EqualTo("config.json: linux.resources.blockIO.weight: 5 is out of range [10, 1000]"));
        Assert.That(Error(new() { BlockIo = new() { WeightDevice = [new() { Major = 8, Weight = 1001 }] } }), Is.EqualTo("config.json: linux.resources.blockIO.weightDevice[0].weight: 1001 is out of range [10, 1000]"));
        Assert.That(Error(new() { BlockIo = new() { ThrottleReadBpsDevice = [new() { Major = -1, Minor = 0 }] } }), Does.StartWith("config.json: linux.resources.blockIO.throttleReadBpsDevice[0]: device -1:0"));
        Assert.That(Error(new() { HugepageLimits = [new() { PageSize = "2M" }] }), Is.EqualTo("config.json: linux.resources.hugepageLimits[0].pageSize: \"2M\" is not a page size like 2MB or 1GB"));
        Assert.That(Error(new() { Network = new() { Priorities = [new() { Name = "a b" }] } }), Does.StartWith("config.json: linux.resources.network.priorities[0].name:"));
    }

    [Test]
    public void OriginPrefixesErrors() =>
        Assert.That(() => CgroupV1ResourcePlanner.Plan(new() { Pids = new() { Limit = -3 } }, "update"),
            Throws.TypeOf<RuntimeException>().With.Message.StartWith("update: linux.resources.pids.limit:"));
}
