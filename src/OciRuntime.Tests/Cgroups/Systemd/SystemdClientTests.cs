using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups.Systemd;

namespace OciRuntime.Tests.Cgroups.Systemd;

public class SystemdClientTests
{
    private const string Job = "/org/freedesktop/systemd1/job/7";

    private static IEnumerable<DbusMessage> Systemd(DbusMessage call, string jobResult = "done", bool signalFirst = false)
    {
        switch (call.Member)
        {
            case "StartTransientUnit" or "StopUnit":
                var reply = FakeSystemdPeer.Reply(call, "o", Job);
                var removed = FakeSystemdPeer.JobRemoved(Job, (string)call.Body[0]!, jobResult);
                return signalFirst ? [removed, reply] : [reply, removed];
            default:
                return [FakeSystemdPeer.Reply(call)];
        }
    }

    [Test]
    public void AuthenticatesWithTheUidInHex()
    {
        using var peer = new FakeSystemdPeer();
        using (var connection = DbusConnection.ConnectUnix(peer.SocketPath))
            connection.Authenticate(1000, DateTime.UtcNow + TimeSpan.FromSeconds(5));
        Assert.That(() => peer.AuthLine, Is.EqualTo("\0AUTH EXTERNAL 31303030").After(5000, 10));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void StartWaitsForTheJobSignal(bool signalFirst)
    {
        using var peer = new FakeSystemdPeer { Handler = call => Systemd(call, signalFirst: signalFirst) };
        using (var client = peer.Connect())
            client.StartTransientUnit("ociruntime-c1.scope", [SystemdProperty.String("Slice", "system.slice"), SystemdProperty.Pids(42)]);

        var members = peer.Calls.Select(c => c.Member).ToList();
        Assert.That(members, Is.EqualTo(new[] { "Subscribe", "StartTransientUnit" }));
        var start = peer.Calls[1];
        Assert.That(start.Signature, Is.EqualTo("ssa(sv)a(sa(sv))"));
        Assert.That(start.Body[0], Is.EqualTo("ociruntime-c1.scope"));
        Assert.That(start.Body[1], Is.EqualTo("replace"));
        var pids = ((IReadOnlyList<object?>)start.Body[2]!).Cast<IReadOnlyList<object?>>().Single(p => (string)p[0]! == "PIDs");
        Assert.That(((DbusVariant)pids[1]!).Signature, Is.EqualTo("au"));
        Assert.That(((DbusVariant)pids[1]!).Value, Is.EqualTo(new List<object?> { 42u }));
    }

    [Test]
    public void AFailedJobIsOneClearLine()
    {
        using var peer = new FakeSystemdPeer { Handler = call => Systemd(call, jobResult: "failed") };
        using var client = peer.Connect();
        Assert.That(() => client.StartTransientUnit("x.scope", []), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            "systemd: start unit `x.scope`: job failed (see `systemctl status x.scope` and the journal)"));
    }

    [Test]
    public void AnErrorReplyCarriesSystemdsNameAndText()
    {
        using var peer = new FakeSystemdPeer
        {
            Handler = call => call.Member == "StartTransientUnit"
                ? [FakeSystemdPeer.Error(call, SystemdClient.UnitExists, "Unit x.scope was already loaded or has a fragment file.")]
                : [FakeSystemdPeer.Reply(call)],
        };
        using var client = peer.Connect();
        Assert.That(() => client.StartTransientUnit("x.scope", []), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            "systemd: StartTransientUnit `x.scope`: org.freedesktop.systemd1.UnitExists: Unit x.scope was already loaded or has a fragment file."));
    }

    [Test]
    public void StoppingAUnitThatIsGoneSucceeds()
    {
        using var peer = new FakeSystemdPeer
        {
            Handler = call => call.Member == "StopUnit"
                ? [FakeSystemdPeer.Error(call, SystemdClient.NoSuchUnit, "Unit x.scope not loaded.")]
                : [FakeSystemdPeer.Reply(call)],
        };
        using var client = peer.Connect();
        Assert.That(() => client.StopUnit("x.scope"), Throws.Nothing);
        Assert.That(peer.Calls.Select(c => c.Member), Does.Contain("StopUnit"));
    }

    [Test]
    public void AJobThatNeverEndsTimesOut()
    {
        using var peer = new FakeSystemdPeer
        {
            Handler = call => call.Member == "StopUnit" ? [FakeSystemdPeer.Reply(call, "o", Job)] : [FakeSystemdPeer.Reply(call)],
        };
        using var client = peer.Connect(TimeSpan.FromMilliseconds(200));
        Assert.That(() => client.StopUnit("x.scope"), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            "D-Bus: no answer to the stop job of `x.scope` within the timeout"));
    }

    [Test]
    public void SignalsOfOtherJobsAreNotMistakenForOurs()
    {
        using var peer = new FakeSystemdPeer
        {
            Handler = call => call.Member == "StopUnit"
                ? [FakeSystemdPeer.Reply(call, "o", Job), FakeSystemdPeer.JobRemoved("/org/freedesktop/systemd1/job/6", "other.scope", "failed"),
                   FakeSystemdPeer.JobRemoved(Job, "x.scope", "done")]
                : [FakeSystemdPeer.Reply(call)],
        };
        using var client = peer.Connect();
        Assert.That(() => client.StopUnit("x.scope"), Throws.Nothing);
    }

    [Test]
    public void SetUnitPropertiesIsRuntimeOnly()
    {
        using var peer = new FakeSystemdPeer();
        using (var client = peer.Connect())
            client.SetUnitProperties("x.scope", [SystemdProperty.UInt64("TasksMax", 10)]);
        var call = peer.Calls.Single();
        Assert.That(call.Member, Is.EqualTo("SetUnitProperties"));
        Assert.That(call.Signature, Is.EqualTo("sba(sv)"));
        Assert.That(call.Body[1], Is.EqualTo(true));
    }
}
