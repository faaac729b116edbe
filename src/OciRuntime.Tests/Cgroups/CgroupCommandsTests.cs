using System;
using NUnit.Framework;
using OciRuntime.Cli;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class CgroupCommandsTests
{
    private static ParsedArgs Args(params (string Flag, string Value)[] flags)
    {
        var a = new ParsedArgs();
        foreach (var (f, v) in flags)
            a.Add(f, v);
        a.Positional.Add("c1");
        return a;
    }

    [Test]
    public void UpdateFlagsBuildResources()
    {
        var r = UpdateCommand.Build(Args(("memory-reservation", "500"), ("memory", "100m"), ("cpu-share", "256"), ("cpu-quota", "-1"), ("cpuset-cpus", "0"), ("pids-limit", "7"), ("blkio-weight", "300")), () => throw new InvalidOperationException(), _ => throw new InvalidOperationException());
        Assert.That(r.Memory, Is.EqualTo(new MemoryResources { Limit = 100 << 20, Reservation = 500 }));
        Assert.That(r.Cpu, Is.EqualTo(new CpuResources { Shares = 256, Quota = -1, Cpus = "0" }));
        Assert.That(r.Pids!.Limit, Is.EqualTo(7));
        Assert.That(r.BlockIo!.Weight, Is.EqualTo(300));
    }

    [Test]
    public void UpdateReadsAFileAndIgnoresFlagsThen()
    {
        var r = UpdateCommand.Build(Args(("resources", "/r.json"), ("memory", "1m")), () => "", p => p == "/r.json" ? """{"pids":{"limit":3}}""" : "");
        Assert.That(r.Pids!.Limit, Is.EqualTo(3));
        Assert.That(r.Memory, Is.Null);
        Assert.That(r.Cpu, Is.Null);
    }

    [TestCase("1048576", 1048576L)]
    [TestCase("512k", 524288L)]
    [TestCase("1.5m", 1572864L)]
    [TestCase("2GB", 2147483648L)]
    [TestCase("1g", 1073741824L)]
    [TestCase("-1", -1L)]
    public void UpdateByteSizes(string text, long bytes) =>
        Assert.That(UpdateCommand.Bytes(Args(("memory", text)), "memory"), Is.EqualTo(bytes));

    [TestCase("memory", "ten")]
    [TestCase("cpu-share", "-5")]
    [TestCase("pids-limit", "x")]
    [TestCase("cpu-quota", "-2")]
    public void UpdateRefusesBadFlags(string flag, string value) =>
        Assert.That(() => UpdateCommand.Build(Args((flag, value)), () => "", _ => ""), Throws.TypeOf<UsageException>().With.Message.Contains(flag));

    [Test]
    public void UpdateRefusesBadJson() =>
        Assert.That(() => UpdateCommand.Build(Args(("resources", "-")), () => "{", _ => ""), Throws.TypeOf<UsageException>().With.Message.StartWith("--resources: invalid JSON"));

    [Test]
    public void PsKeepsHeaderAndContainerLines()
    {
        var ps = "UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 10:00 ?        00:00:01 init\nroot       321     1  0 10:00 ?        00:00:00 sleep 100\nroot      3210     1  0 10:00 ?        00:00:00 321\n";
        Assert.That(PsCommand.Filter(ps, [321]), Is.EqualTo("UID        PID  PPID  C STIME TTY          TIME CMD\nroot       321     1  0 10:00 ?        00:00:00 sleep 100\n"));
        Assert.That(() => PsCommand.Filter("USER CMD\n", [1]), Throws.Exception.With.Message.Contains("no PID column"));
    }

    [TestCase("5s", 5000)]
    [TestCase("500ms", 500)]
    [TestCase("1m30s", 90000)]
    public void EventsIntervals(string text, int ms) =>
        Assert.That(EventsCommand.Duration(text), Is.EqualTo(TimeSpan.FromMilliseconds(ms)));

    [TestCase("0s")]
    [TestCase("5")]
    [TestCase("fast")]
    public void EventsRefusesBadIntervals(string text) =>
        Assert.That(() => EventsCommand.Duration(text), Throws.TypeOf<UsageException>());
}
