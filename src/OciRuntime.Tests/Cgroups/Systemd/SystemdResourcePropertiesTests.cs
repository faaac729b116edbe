using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups.Systemd;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups.Systemd;

public class SystemdResourcePropertiesTests
{
    private static Dictionary<string, object> Props(IReadOnlyList<CgroupSetting> settings) =>
        SystemdResourceProperties.From(settings).ToDictionary(p => p.Name, p => p.Value.Value);

    [Test]
    public void V2LimitsBecomeUnitProperties()
    {
        var settings = CgroupV2ResourcePlanner.Plan(new LinuxResources
        {
            Memory = new MemoryResources { Limit = 64L << 20 },
            Cpu = new CpuResources { Shares = 1024, Quota = 50_000, Period = 100_000 },
            Pids = new PidsResources { Limit = 42 },
        }, "config.json");
        var props = Props(settings);
        Assert.That(props["MemoryMax"], Is.EqualTo(64UL << 20));
        Assert.That(props["CPUWeight"], Is.EqualTo(39UL), "shares 1024 as cpu.weight, the planner's conversion");
        Assert.That(props["CPUQuotaPerSecUSec"], Is.EqualTo(500_000UL));
        Assert.That(props["CPUQuotaPeriodUSec"], Is.EqualTo(100_000UL));
        Assert.That(props["TasksMax"], Is.EqualTo(42UL));
    }

    [Test]
    public void UnlimitedIsInfinity()
    {
        var props = Props([new("memory", "memory.max", "max", "p"), new("pids", "pids.max", "max", "p"), new("cpu", "cpu.max", "max 100000", "p")]);
        Assert.That(props["MemoryMax"], Is.EqualTo(ulong.MaxValue));
        Assert.That(props["TasksMax"], Is.EqualTo(ulong.MaxValue));
        Assert.That(props["CPUQuotaPerSecUSec"], Is.EqualTo(ulong.MaxValue));
    }

    [TestCase("12345 100000", 130_000UL)]
    [TestCase("10000 100000", 100_000UL)]
    [TestCase("1000 1000000", 10_000UL)]
    public void QuotaRoundsUpToTenMilliseconds(string cpuMax, ulong perSec) =>
        Assert.That(Props([new("cpu", "cpu.max", cpuMax, "p")])["CPUQuotaPerSecUSec"], Is.EqualTo(perSec));

    [Test]
    public void V1FilesUseTheLegacyProperties()
    {
        var props = Props(
        [
            new("memory", "memory.limit_in_bytes", "1048576", "p"),
            new("cpu", "cpu.shares", "512", "p"),
            new("cpu", "cpu.cfs_period_us", "50000", "p"),
            new("cpu", "cpu.cfs_quota_us", "25000", "p"),
            new("blkio", "blkio.weight", "300", "p"),
        ]);
        Assert.That(props["MemoryLimit"], Is.EqualTo(1048576UL));
        Assert.That(props["CPUShares"], Is.EqualTo(512UL));
        Assert.That(props["CPUQuotaPerSecUSec"], Is.EqualTo(500_000UL));
        Assert.That(props["CPUQuotaPeriodUSec"], Is.EqualTo(50_000UL));
        Assert.That(props["BlockIOWeight"], Is.EqualTo(300UL));
    }

    [Test]
    public void FilesWithoutPropertyAreLeftToTheFileWriter() =>
        Assert.That(Props([new("hugetlb", "hugetlb.2MB.max", "4194304", "p"), new("cpuset", "cpuset.cpus", "0", "p")]), Is.Empty);
}
