using System;
using System.Collections.Generic;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Tests.Lifecycle;

public class StatusDeriverTests
{
    private const string Fifo = "/state/c1/exec.fifo";
    private readonly Dictionary<int, string> _procs = new();
    private readonly HashSet<string> _paths = new();

    // NUnit reuses one fixture instance for all its tests.
    [SetUp]
    public void SetUp()
    {
        _procs.Clear();
        _paths.Clear();
    }

    private StatusDeriver Deriver() =>
        new(pid => _procs.TryGetValue(pid, out var s) ? s : null, _paths.Contains);

    private static string Stat(int pid, char state, ulong start) =>
        $"{pid} (sh) {state} 1 1 1 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 {start} 3133440 413";

    private static ContainerRecord Record(int pid = 100, ulong start = 5000) =>
        new() { Id = "c1", InitPid = pid, InitStartTime = start };

    [Test]
    public void DeadPidIsStopped()
    {
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Stopped));
    }

    [Test]
    public void NoPidIsStopped()
    {
        _procs[0] = Stat(0, 'S', 5000);
        Assert.That(Deriver().Derive(Record(pid: 0), Fifo, () => false), Is.EqualTo(ContainerStatus.Stopped));
    }

    [Test]
    public void RecycledPidIsStopped()
    {
        _procs[100] = Stat(100, 'S', 7777);
        _paths.Add(Fifo);
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Stopped));
    }

    [Test]
    public void ZombieIsStopped()
    {
        _procs[100] = Stat(100, 'Z', 5000);
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Stopped));
    }

    [Test]
    public void AliveWithFifoIsCreated()
    {
        _procs[100] = Stat(100, 'S', 5000);
        _paths.Add(Fifo);
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Created));
    }

    [Test]
    public void AliveFrozenIsPaused()
    {
        _procs[100] = Stat(100, 'D', 5000);
        Assert.That(Deriver().Derive(Record(), Fifo, () => true), Is.EqualTo(ContainerStatus.Paused));
    }

    [Test]
    public void AliveIsRunning()
    {
        _procs[100] = Stat(100, 'R', 5000);
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Running));
    }

    [Test]
    public void UnparsableStatIsStopped()
    {
        _procs[100] = "100 (sh";
        Assert.That(Deriver().Derive(Record(), Fifo, () => false), Is.EqualTo(ContainerStatus.Stopped));
    }

    [Test]
    public void HostDeriverSeesOwnProcessRunning()
    {
        var pid = Environment.ProcessId;
        var start = StatusDeriver.Host.StartTimeOf(pid);
        Assert.That(start, Is.Not.Null);
        var record = Record(pid, start!.Value);
        Assert.That(StatusDeriver.Host.Derive(record, "/nonexistent/exec.fifo", () => false), Is.EqualTo(ContainerStatus.Running));
        Assert.That(StatusDeriver.Host.Derive(record with { InitStartTime = start.Value + 1 }, "/nonexistent/exec.fifo", () => false),
            Is.EqualTo(ContainerStatus.Stopped));
    }

    [TestCase(ContainerStatus.Creating, "creating")]
    [TestCase(ContainerStatus.Created, "created")]
    [TestCase(ContainerStatus.Running, "running")]
    [TestCase(ContainerStatus.Paused, "paused")]
    [TestCase(ContainerStatus.Stopped, "stopped")]
    public void StatusTextRoundTrips(ContainerStatus status, string text)
    {
        Assert.That(status.ToText(), Is.EqualTo(text));
        Assert.That(ContainerStatusText.Parse(text), Is.EqualTo(status));
    }
}
