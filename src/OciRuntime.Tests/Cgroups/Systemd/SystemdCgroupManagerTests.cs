using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Linux.Cgroups.Systemd;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups.Systemd;

public class SystemdCgroupManagerTests
{
    private const string Job = "/org/freedesktop/systemd1/job/1";

    private static IEnumerable<DbusMessage> Systemd(DbusMessage call) => call.Member switch
    {
        "StartTransientUnit" or "StopUnit" => [FakeSystemdPeer.Reply(call, "o", Job), FakeSystemdPeer.JobRemoved(Job, (string)call.Body[0]!, "done")],
        _ => [FakeSystemdPeer.Reply(call)],
    };

    private static Dictionary<string, DbusVariant> Properties(DbusMessage call) =>
        ((IReadOnlyList<object?>)call.Body[2]!).Cast<IReadOnlyList<object?>>().ToDictionary(p => (string)p[0]!, p => (DbusVariant)p[1]!);

    [Test]
    public void CreateStartsTheScopeWithTheInitAndWritesLimitsInItsDirectory()
    {
        using var fs = FakeCgroupFs.V2();
        using var peer = new FakeSystemdPeer
        {
            Handler = call =>
            {
                // systemd makes the scope's cgroup, with the controllers' files.
                if (call.Member == "StartTransientUnit")
                    fs.File("system.slice/ociruntime-c1.scope/pids.max", "max");
                return Systemd(call);
            },
        };
        var cgroup = SystemdCgroupManager.Open("system.slice:ociruntime:c1", "c1", started: false, fs);
        cgroup.Connect = () => peer.Connect();

        var settings = cgroup.PlanResources(new LinuxResources { Pids = new PidsResources { Limit = 42 } });
        cgroup.Create();
        cgroup.ApplyResources(settings);
        Assert.That(peer.Calls, Is.Empty, "nothing reaches systemd before the init exists");
        cgroup.AddProcess(4242);

        var start = peer.Calls.Single(c => c.Member == "StartTransientUnit");
        Assert.That(start.Body[0], Is.EqualTo("ociruntime-c1.scope"));
        var props = Properties(start);
        Assert.That(props["Slice"].Value, Is.EqualTo("system.slice"));
        Assert.That(props["Delegate"].Value, Is.EqualTo(true));
        Assert.That(props["DefaultDependencies"].Value, Is.EqualTo(false));
        Assert.That(props["Description"].Value, Is.EqualTo("ociruntime container c1"));
        Assert.That(props["PIDs"].Value, Is.EqualTo(new List<object?> { 4242u }));
        Assert.That(props["TasksMax"].Value, Is.EqualTo(42UL));
        Assert.That(fs.Read("system.slice/ociruntime-c1.scope/pids.max"), Is.EqualTo("42"));
        Assert.That(cgroup.Paths[""], Is.EqualTo(fs.FullPath("system.slice/ociruntime-c1.scope")));
    }

    [Test]
    public void UpdateSetsUnitPropertiesAndFiles()
    {
        using var fs = FakeCgroupFs.V2();
        fs.Dir("system.slice/ociruntime-c1.scope");
        fs.File("system.slice/ociruntime-c1.scope/memory.max", "max");
        using var peer = new FakeSystemdPeer { Handler = Systemd };
        var cgroup = SystemdCgroupManager.Open("system.slice:ociruntime:c1", "c1", started: true, fs);
        cgroup.Connect = () => peer.Connect();

        cgroup.ApplyResources(cgroup.PlanResources(new LinuxResources { Memory = new MemoryResources { Limit = 1 << 20 } }, "update"));

        var set = peer.Calls.Single();
        Assert.That(set.Member, Is.EqualTo("SetUnitProperties"));
        Assert.That(Properties(set)["MemoryMax"].Value, Is.EqualTo(1UL << 20));
        Assert.That(fs.Read("system.slice/ociruntime-c1.scope/memory.max"), Is.EqualTo("1048576"));
    }

    [Test]
    public void DestroyStopsTheUnitAndRemovesWhatIsLeft()
    {
        using var fs = FakeCgroupFs.V2();
        fs.Dir("system.slice/ociruntime-c1.scope/sub");
        using var peer = new FakeSystemdPeer { Handler = Systemd };
        var cgroup = SystemdCgroupManager.Open("system.slice:ociruntime:c1", "c1", started: true, fs);
        cgroup.Connect = () => peer.Connect();

        cgroup.Destroy();

        Assert.That(peer.Calls.Select(c => c.Member), Is.EqualTo(new[] { "Subscribe", "StopUnit", "ResetFailedUnit" }));
        Assert.That(peer.Calls[1].Body, Is.EqualTo(new object?[] { "ociruntime-c1.scope", "replace" }));
        Assert.That(fs.Exists("system.slice/ociruntime-c1.scope"), Is.False);
    }

    [Test]
    public void OnV1TheUnmanagedHierarchiesGetTheSamePath()
    {
        using var fs = FakeCgroupFs.V1();
        using var peer = new FakeSystemdPeer { Handler = Systemd };
        var cgroup = SystemdCgroupManager.Open("machine.slice:box:c2", "c2", started: false, fs);
        cgroup.Connect = () => peer.Connect();

        cgroup.AddProcess(77);

        Assert.That(fs.Read("cpuset/machine.slice/box-c2.scope/cgroup.procs"), Is.EqualTo("77"));
        Assert.That(fs.Read("cpuset/machine.slice/box-c2.scope/cpuset.cpus"), Is.EqualTo("0-1"));
        Assert.That(cgroup.Paths["net_cls"], Is.EqualTo(fs.FullPath("net_cls,net_prio/machine.slice/box-c2.scope")));
    }
}
