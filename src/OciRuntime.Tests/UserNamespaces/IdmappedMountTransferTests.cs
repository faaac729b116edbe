using System;
using System.IO;
using System.Linq;
using Microsoft.Win32.SafeHandles;
using NUnit.Framework;
using OciRuntime.Core.Init;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Linux.UserNamespaces;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Tests.Mounts;

namespace OciRuntime.Tests.UserNamespaces;

public class IdmappedMountTransferTests
{
    [Test]
    public void DescriptorsCrossTheSyncSocketInOrder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ocirt-fds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var (a, b) = SyncSocket.CreatePair();
        try
        {
            File.WriteAllText(Path.Combine(dir, "one"), "1");
            File.WriteAllText(Path.Combine(dir, "two"), "22");
            using var one = File.OpenHandle(Path.Combine(dir, "one"));
            using var two = File.OpenHandle(Path.Combine(dir, "two"));
            FdChannel.Send(a, "mountfds", [(int)one.DangerousGetHandle(), (int)two.DangerousGetHandle()]);
            var got = FdChannel.Receive(b, "mountfds", 2, "id-mapped mounts");
            try
            {
                Assert.That(got.Select(h => RandomAccess.GetLength(h)), Is.EqualTo(new long[] { 1, 2 }));
                Assert.That(got.Select(h => (int)h.DangerousGetHandle()), Is.Not.EquivalentTo(new[] { (int)one.DangerousGetHandle(), (int)two.DangerousGetHandle() }));
            }
            finally
            {
                foreach (var h in got)
                    h.Dispose();
            }
        }
        finally
        {
            a.Dispose();
            b.Dispose();
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void WrongCountIsAnError()
    {
        var (a, b) = SyncSocket.CreatePair();
        try
        {
            FdChannel.Send(a, "mountfds", []);
            Assert.That(Assert.Throws<RuntimeException>(() => FdChannel.Receive(b, "mountfds", 1, "id-mapped mounts"))!.Message, Does.Contain("expected 1 id-mapped mounts"));
        }
        finally
        {
            a.Dispose();
            b.Dispose();
        }
    }

    static RootfsPlan IdmappedPlan() => MountPlanner.Plan(new ContainerConfig
    {
        Root = new Root { Path = "rootfs" },
        Mounts = [new Mount { Destination = "/data", Source = "/srv/data", Type = "bind", Options = ["rbind", "idmap", "ro"] }],
        Linux = new Linux
        {
            Namespaces = [new LinuxNamespace { Type = "mount" }, new LinuxNamespace { Type = "user" }],
            UidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }],
            GidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }],
        },
    }, "/b/rootfs", new RootfsOptions { BundlePath = "/b" });

    [Test]
    public void TheInitMovesThePreparedTreeInsteadOfBinding()
    {
        var sys = new RecordingMountSyscalls();
        using var tree = new SafeFileHandle(4242, ownsHandle: false);
        new RootfsSetup(sys).PrepareRootfs(IdmappedPlan(), new System.Collections.Generic.Dictionary<string, SafeFileHandle> { ["mounts[0]"] = tree });
        Assert.That(sys.Calls, Has.Some.Match(@"^move_mount \[fd:4242\] \[root:/data\]$"));
        Assert.That(sys.Calls, Has.None.Contains("mount [host:/srv/data]"));
        Assert.That(sys.Calls, Has.Some.Contains("Remount").And.Contains("ReadOnly"));
    }

    [Test]
    public void AMissingTreeIsAnError()
    {
        var sys = new RecordingMountSyscalls();
        Assert.That(Assert.Throws<RuntimeException>(() => new RootfsSetup(sys).PrepareRootfs(IdmappedPlan()))!.Message,
            Is.EqualTo("mounts[0]: the id-mapped tree of `/srv/data` was not prepared"));
    }

    [Test]
    public void IdmapSupportMatchesTheKernelVersion() =>
        Assert.That(IdmapSupport.Available, Is.EqualTo(Environment.OSVersion.Version >= new Version(5, 12)));
}
