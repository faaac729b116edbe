using System.Collections.Generic;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups.Stats;
using OciRuntime.Core.Operations;

namespace OciRuntime.Tests.Operations;

public class EventsWriterTests
{
    private const string Awkward = "a \"q\" \\ é <&> '\u2028\u0001\n\t+`";

    private static CgroupStats Maximal() => new()
    {
        Cpu = new CpuStats
        {
            Usage = new CpuUsage { Total = ulong.MaxValue, Percpu = [1, 0, ulong.MaxValue], Kernel = 7, User = 9 },
            Throttling = new CpuThrottling { Periods = 10, ThrottledPeriods = 2, ThrottledTime = 123456789 },
        },
        Memory = new MemoryStats
        {
            Cache = 4096,
            Usage = new MemoryEntry { Limit = ulong.MaxValue, Usage = 1 << 20, Max = 2 << 20, Failcnt = 3 },
            Swap = new MemoryEntry { Limit = 1, Usage = 2, Max = 3, Failcnt = 4 },
            Kernel = new MemoryEntry { Limit = 5, Usage = 6, Max = 7, Failcnt = 8 },
            Raw = new Dictionary<string, ulong> { ["cache"] = 4096, ["rss"] = 0, [Awkward] = ulong.MaxValue, [""] = 1 },
        },
        Pids = new PidsStats { Current = 3, Limit = 100 },
        Blkio = new BlkioStats
        {
            IoServiceBytesRecursive =
            [
                new BlkioEntry { Major = 8, Minor = 0, Op = "Read", Value = 512 },
                new BlkioEntry { Major = 253, Minor = 1, Op = "", Value = 0 },
                null!,
                new BlkioEntry { Op = Awkward },
            ],
            IoServicedRecursive = [new BlkioEntry { Major = 8, Minor = 16, Op = "Write", Value = ulong.MaxValue }],
        },
        Hugetlb = new Dictionary<string, HugetlbStats>
        {
            ["2MB"] = new HugetlbStats { Usage = 2097152, Max = 4194304, Failcnt = 1 },
            ["1GB"] = new HugetlbStats(),
            [Awkward] = null!,
        },
    };

    private static IEnumerable<TestCaseData> Events()
    {
        yield return new TestCaseData(new ContainerEvent { Type = "stats", Id = "c1", Data = Maximal() }).SetName("maximal stats");
        yield return new TestCaseData(new ContainerEvent { Type = "stats", Id = "c1", Data = new CgroupStats() }).SetName("all zero (what a stopped or skipped cgroup gives)");
        yield return new TestCaseData(new ContainerEvent { Type = "oom", Id = "c1" }).SetName("oom");
        yield return new TestCaseData(new ContainerEvent()).SetName("empty envelope");
        yield return new TestCaseData(new ContainerEvent { Type = null!, Id = null! }).SetName("null envelope members");
        yield return new TestCaseData(new ContainerEvent { Type = Awkward, Id = Awkward, Data = Maximal() with { Hugetlb = [] } }).SetName("escapes, empty hugetlb");
        yield return new TestCaseData(new ContainerEvent
        {
            Type = "stats",
            Id = "c2",
            Data = new CgroupStats
            {
                Cpu = new CpuStats { Usage = new CpuUsage { Percpu = [] }, Throttling = null! },
                Memory = new MemoryStats { Usage = null!, Swap = new MemoryEntry(), Raw = [] },
                Pids = null!,
                Blkio = new BlkioStats { IoServiceBytesRecursive = [], IoServicedRecursive = null },
                Hugetlb = null!,
            },
        }).SetName("nulls and empties in every container member");
        yield return new TestCaseData(new ContainerEvent
        {
            Type = "stats",
            Id = "c3",
            Data = new CgroupStats { Cpu = null!, Memory = null!, Pids = new PidsStats(), Blkio = null!, Hugetlb = null! },
        }).SetName("only pids");
    }

    [TestCaseSource(nameof(Events))]
    public void WritesWhatTheSerializerWrites(ContainerEvent e) =>
        Assert.That(EventsWriter.Write(e), Is.EqualTo(JsonSerializer.Serialize(e, EventsJson.Default.ContainerEvent)));

    [Test]
    public void ZeroCountersMarkedOmitEmptyAreLeftOut()
    {
        var line = EventsWriter.Write(new ContainerEvent { Type = "stats", Id = "x", Data = new CgroupStats() });
        Assert.That(line, Is.EqualTo(
            """{"type":"stats","id":"x","data":{"cpu":{"usage":{"kernel":0,"user":0},"throttling":{}},"memory":{"usage":{"limit":0,"failcnt":0},"swap":{"limit":0,"failcnt":0}},"pids":{},"blkio":{},"hugetlb":{}}}"""));
    }

    [Test]
    public void OomEventHasNoData() =>
        Assert.That(EventsWriter.Write(new ContainerEvent { Type = "oom", Id = "c1" }), Is.EqualTo("""{"type":"oom","id":"c1"}"""));
}
