using System;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Lifecycle;

/// <summary>One case per row; the texts are what runc 1.1.5 printed for each (operation, status).</summary>
public class TransitionsTests
{
    [TestCase(ContainerOperation.Start, ContainerStatus.Creating, "cannot start a container in the creating state")]
    [TestCase(ContainerOperation.Start, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Start, ContainerStatus.Running, "cannot start an already running container")]
    [TestCase(ContainerOperation.Start, ContainerStatus.Paused, "cannot start a container in the paused state")]
    [TestCase(ContainerOperation.Start, ContainerStatus.Stopped, "cannot start a container that has stopped")]
    [TestCase(ContainerOperation.Kill, ContainerStatus.Creating, "container not running")]
    [TestCase(ContainerOperation.Kill, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Kill, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Kill, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.Kill, ContainerStatus.Stopped, "container not running")]
    [TestCase(ContainerOperation.KillAll, ContainerStatus.Creating, "container not running")]
    [TestCase(ContainerOperation.KillAll, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.KillAll, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.KillAll, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.KillAll, ContainerStatus.Stopped, null)]
    [TestCase(ContainerOperation.Delete, ContainerStatus.Creating, "cannot delete container c9 that is not stopped: creating")]
    [TestCase(ContainerOperation.Delete, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Delete, ContainerStatus.Running, "cannot delete container c9 that is not stopped: running")]
    [TestCase(ContainerOperation.Delete, ContainerStatus.Paused, "cannot delete container c9 that is not stopped: paused")]
    [TestCase(ContainerOperation.Delete, ContainerStatus.Stopped, null)]
    [TestCase(ContainerOperation.DeleteForce, ContainerStatus.Creating, null)]
    [TestCase(ContainerOperation.DeleteForce, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.DeleteForce, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.DeleteForce, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.DeleteForce, ContainerStatus.Stopped, null)]
    [TestCase(ContainerOperation.Pause, ContainerStatus.Creating, "container not running")]
    [TestCase(ContainerOperation.Pause, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Pause, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Pause, ContainerStatus.Paused, "container not running")]
    [TestCase(ContainerOperation.Pause, ContainerStatus.Stopped, "container not running")]
    [TestCase(ContainerOperation.Resume, ContainerStatus.Creating, "container not paused")]
    [TestCase(ContainerOperation.Resume, ContainerStatus.Created, "container not paused")]
    [TestCase(ContainerOperation.Resume, ContainerStatus.Running, "container not paused")]
    [TestCase(ContainerOperation.Resume, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.Resume, ContainerStatus.Stopped, "container not paused")]
    [TestCase(ContainerOperation.Exec, ContainerStatus.Creating, "cannot exec in a creating container")]
    [TestCase(ContainerOperation.Exec, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Exec, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Exec, ContainerStatus.Paused, "cannot exec in a paused container (use --ignore-paused to override)")]
    [TestCase(ContainerOperation.Exec, ContainerStatus.Stopped, "cannot exec in a stopped container")]
    [TestCase(ContainerOperation.Update, ContainerStatus.Creating, "container not running")]
    [TestCase(ContainerOperation.Update, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Update, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Update, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.Update, ContainerStatus.Stopped, "container not running")]
    [TestCase(ContainerOperation.Ps, ContainerStatus.Creating, null)]
    [TestCase(ContainerOperation.Ps, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Ps, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Ps, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.Ps, ContainerStatus.Stopped, null)]
    [TestCase(ContainerOperation.Events, ContainerStatus.Creating, "container with id c9 is not running")]
    [TestCase(ContainerOperation.Events, ContainerStatus.Created, null)]
    [TestCase(ContainerOperation.Events, ContainerStatus.Running, null)]
    [TestCase(ContainerOperation.Events, ContainerStatus.Paused, null)]
    [TestCase(ContainerOperation.Events, ContainerStatus.Stopped, "container with id c9 is not running")]
    public void Row(ContainerOperation operation, ContainerStatus status, string? expected)
    {
        Assert.That(Transitions.Check(operation, status, "c9"), Is.EqualTo(expected));
        if (expected == null)
            Assert.DoesNotThrow(() => Transitions.Ensure(operation, status, "c9"));
        else
            Assert.That(Assert.Throws<RuntimeException>(() => Transitions.Ensure(operation, status, "c9"))!.Message, Is.EqualTo(expected));
    }

    [Test]
    public void TableHasExactlyOneRowPerOperationAndStatus()
    {
        var operations = Enum.GetValues<ContainerOperation>();
        var statuses = Enum.GetValues<ContainerStatus>();
        Assert.That(Transitions.Table, Has.Count.EqualTo(operations.Length * statuses.Length));
        foreach (var op in operations)
            foreach (var st in statuses)
                Assert.That(Transitions.Table.Count(r => r.Operation == op && r.Status == st), Is.EqualTo(1), $"{op} x {st}");
    }
}
