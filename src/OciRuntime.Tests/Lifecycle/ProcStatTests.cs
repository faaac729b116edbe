using System;
using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Tests.Lifecycle;

public class ProcStatTests
{
    private const string Tail = " 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 987654 3133440 413 18446744073709551615";

    [Test]
    public void ParsesPlainLine()
    {
        var s = ProcStat.Parse("42 (sleep) S" + Tail)!.Value;
        Assert.That(s.Pid, Is.EqualTo(42));
        Assert.That(s.Comm, Is.EqualTo("sleep"));
        Assert.That(s.State, Is.EqualTo('S'));
        Assert.That(s.StartTime, Is.EqualTo(987654UL));
        Assert.That(s.HasExited, Is.False);
    }

    [Test]
    public void CommMayHoldSpacesAndParentheses()
    {
        var s = ProcStat.Parse("7 (a) b) (c d) R" + Tail)!.Value;
        Assert.That(s.Comm, Is.EqualTo("a) b) (c d"));
        Assert.That(s.State, Is.EqualTo('R'));
        Assert.That(s.StartTime, Is.EqualTo(987654UL));
    }

    [Test]
    public void ZombieHasExited()
    {
        Assert.That(ProcStat.Parse("9 (x) Z" + Tail)!.Value.HasExited, Is.True);
        Assert.That(ProcStat.Parse("9 (x) X" + Tail)!.Value.HasExited, Is.True);
    }

    [TestCase("")]
    [TestCase("garbage")]
    [TestCase("12 (x S 1 2 3")]
    [TestCase("12 (x) S 1 2 3")]
    [TestCase("ab (x) S 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 5 3")]
    [TestCase("12 (x) S 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 -5 3")]
    public void MalformedIsNull(string text)
    {
        Assert.That(ProcStat.Parse(text), Is.Null);
    }

    [Test]
    public void ParsesOwnProcess()
    {
        var s = ProcStat.Parse(File.ReadAllText("/proc/self/stat"))!.Value;
        Assert.That(s.Pid, Is.EqualTo(Environment.ProcessId));
        Assert.That(s.StartTime, Is.GreaterThan(0UL));
    }
}
