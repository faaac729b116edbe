using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using System.Collections.Generic;

namespace OciRuntime.Tests.Planning;

public class NamespacePlannerTests
{
    private static ContainerConfig With(params LinuxNamespace[] ns) =>
        new() { OciVersion = "1.3.0", Linux = new Linux { Namespaces = ns } };

    [Test]
    public void NamespacesWithoutPathAreCreatedWithTheirCloneFlags()
    {
        var plan = NamespacePlanner.Plan(With(new() { Type = "pid" }, new() { Type = "mount" }, new() { Type = "network" }));
        Assert.That(plan.CloneFlags, Is.EqualTo(0x20000000 | 0x00020000 | 0x40000000));
        Assert.That(plan.Joins, Is.Empty);
        Assert.That(plan.Creates(NamespaceKind.Pid), Is.True);
        Assert.That(plan.Creates(NamespaceKind.User), Is.False);
    }

    [Test]
    public void NamespacesWithPathAreJoined()
    {
        var plan = NamespacePlanner.Plan(With(new() { Type = "network", Path = "/proc/7/ns/net" }, new() { Type = "uts" }));
        Assert.That(plan.CloneFlags, Is.EqualTo(0x04000000));
        Assert.That(plan.Joins, Is.EqualTo(new[] { (NamespaceKind.Network, "/proc/7/ns/net") }));
        Assert.That(plan.Has(NamespaceKind.Network), Is.True);
        Assert.That(plan.Creates(NamespaceKind.Network), Is.False);
    }

    [Test]
    public void UnknownTypeNamesItsIndex()
    {
        var e = Assert.Throws<RuntimeException>(() => NamespacePlanner.Plan(With(new() { Type = "pid" }, new() { Type = "foo" })));
        Assert.That(e!.Message, Is.EqualTo("config.json: linux.namespaces[1].type: unknown namespace \"foo\""));
    }

    [Test]
    public void BootstrapMessageListsCloneJoinsTimeAndKeyring()
    {
        var config = With(new() { Type = "time" }, new() { Type = "ipc", Path = "/proc/1/ns/ipc" });
        config = config with
        {
            Linux = config.Linux! with
            {
                TimeOffsets = new Dictionary<string, TimeOffset> { ["monotonic"] = new() { Secs = 86400, Nanosecs = 5 } },
            },
        };
        var text = NamespacePlanner.BootstrapMessage(NamespacePlanner.Plan(config), "_ses.c1");
        Assert.That(text, Is.EqualTo("clone 128\njoin 134217728 /proc/1/ns/ipc\ntimens 86400 5 0 0\nkeyring _ses.c1\n"));
    }

    [Test]
    public void TimeOffsetsWithoutATimeNamespaceAreNotSent()
    {
        var config = With(new LinuxNamespace { Type = "pid" }) with { };
        config = config with { Linux = config.Linux! with { TimeOffsets = new Dictionary<string, TimeOffset> { ["boottime"] = new() { Secs = 1 } } } };
        Assert.That(NamespacePlanner.BootstrapMessage(NamespacePlanner.Plan(config)), Is.EqualTo("clone 536870912\n"));
    }

    [Test]
    public void NewlinesInPathsAreRefused() =>
        Assert.Throws<RuntimeException>(() => NamespacePlanner.BootstrapMessage(NamespacePlanner.Plan(With(new LinuxNamespace { Type = "ipc", Path = "/x\nclone 0" }))));

    [Test]
    public void IdMapsAreOneLinePerRange()
    {
        var text = NamespacePlanner.IdMapText([new() { ContainerId = 0, HostId = 1000, Size = 1 }, new() { ContainerId = 1, HostId = 100000, Size = 65536 }]);
        Assert.That(text, Is.EqualTo("0 1000 1\n1 100000 65536\n"));
    }
}
