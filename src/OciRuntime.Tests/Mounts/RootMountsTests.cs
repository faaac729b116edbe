using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Mounts;

/// <summary>
/// Real mounts against a hostile rootfs. Needs root in a private mount namespace:
/// <c>unshare -m --propagation private dotnet test ... --filter Category=RootMounts</c>.
/// Only the pre-pivot phase runs (pivot_root or chroot would move the test host
/// itself); FinishRootfs runs on the rootfs by path.
/// </summary>
[Category("RootMounts")]
[NonParallelizable]
public class RootMountsTests
{
    string bundle = "", rootfs = "", outside = "", hostSecret = "";

    [SetUp]
    public void SetUp()
    {
        if (Environment.UserName != "root")
            Assert.Ignore("needs root");
        if (!InPrivateMountNamespace())
            Assert.Ignore("needs a private mount namespace (unshare -m --propagation private)");

        bundle = Directory.CreateTempSubdirectory("ocibundle").FullName;
        rootfs = Path.Combine(bundle, "rootfs");
        outside = Directory.CreateTempSubdirectory("ocihost").FullName;
        hostSecret = Path.Combine(outside, "secret");
        File.WriteAllText(hostSecret, "host data");
        foreach (var d in new[] { "bin", "proc", "dev", "etc", "tmp", "sys" })
            Directory.CreateDirectory(Path.Combine(rootfs, d));
        if (File.Exists("/bin/busybox"))
            File.Copy("/bin/busybox", Path.Combine(rootfs, "bin", "busybox"));

        // Hostile image: a destination that is "/", a directory that leads to the
        // host's temp dir, and a masked path that is a symlink to a host file.
        File.CreateSymbolicLink(Path.Combine(rootfs, "evil"), "/");
        File.CreateSymbolicLink(Path.Combine(rootfs, "etc", "x"), outside);
        File.CreateSymbolicLink(Path.Combine(rootfs, "etc", "masked"), hostSecret);
        File.CreateSymbolicLink(Path.Combine(rootfs, "etc", "rodir"), outside);
    }

    [TearDown]
    public void TearDown()
    {
        if (rootfs.Length == 0)
            return;
        // Mounts stack on the rootfs (a destination may resolve to its root): detach them all.
        for (int i = 0; i < 16 && Libc.Umount2(rootfs, MountConstants.MNT_DETACH) == 0; i++) { }
        Directory.Delete(bundle, true);
        Directory.Delete(outside, true);
    }

    /// <summary>
    /// True when the process that started `dotnet test` (the first ancestor that is not
    /// dotnet or its test host) is in another mount namespace, i.e. `unshare -m` ran in
    /// between, and "/" does not propagate anywhere.
    /// </summary>
    static bool InPrivateMountNamespace()
    {
        string? own = NamespaceOf("self");
        string pid = "self";
        while (true)
        {
            string stat;
            try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
            catch (IOException) { return false; }
            pid = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
            if (pid == "0")
                return false;
            string comm;
            try { comm = File.ReadAllText($"/proc/{pid}/comm").Trim(); }
            catch (IOException) { return false; }
            if (comm.StartsWith("dotnet", StringComparison.Ordinal) || comm.StartsWith("testhost", StringComparison.Ordinal) || comm.StartsWith("vstest", StringComparison.Ordinal))
                continue;
            string? starter = NamespaceOf(pid);
            var slash = MountInfo.Parse(File.ReadAllText("/proc/self/mountinfo")).LastOrDefault(m => m.MountPoint == "/");
            return own != null && starter != null && starter != own
                && slash != null && !slash.OptionalFields.Any(f => f.StartsWith("shared:", StringComparison.Ordinal));
        }
    }

    static string? NamespaceOf(string pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/mnt").LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static HashSet<string> MountPoints() =>
        MountInfo.Parse(File.ReadAllText("/proc/self/mountinfo")).Select(m => $"{m.Id} {m.MountPoint}").ToHashSet();

    [Test]
    public void PrepareAndFinishNeverMountOutsideTheRootfs()
    {
        var config = new ContainerConfig
        {
            Root = new Root { Path = "rootfs" },
            Mounts =
            [
                new Mount { Destination = "/proc", Type = "proc", Source = "proc" },
                new Mount { Destination = "/dev", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "strictatime", "mode=755", "size=65536k"] },
                new Mount { Destination = "/dev/pts", Type = "devpts", Source = "devpts", Options = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"] },
                new Mount { Destination = "/evil/tmp", Type = "tmpfs", Source = "tmpfs" },
                new Mount { Destination = "/etc/x/sub", Type = "tmpfs", Source = "tmpfs" },
                new Mount { Destination = "/data", Type = "bind", Source = "rootfs/bin", Options = ["rbind", "ro", "nosuid"] },
            ],
            Linux = new Linux
            {
                Namespaces = [new LinuxNamespace { Type = "mount" }],
                MaskedPaths = ["/etc/masked", "/proc/kcore", "/nonexistent"],
                ReadonlyPaths = ["/etc/rodir", "/proc/sys"],
            },
        };
        var plan = MountPlanner.Plan(config, rootfs, new RootfsOptions { BundlePath = bundle });
        var before = MountPoints();

        var setup = new RootfsSetup(MountSyscalls.Instance);
        setup.PrepareRootfs(plan);
        setup.FinishRootfs(plan, rootfs);

        var added = MountPoints().Except(before).Select(m => m.Split(' ', 2)[1]).ToList();
        Assert.That(added, Is.Not.Empty);
        foreach (var mountPoint in added)
            Assert.That(mountPoint == rootfs || mountPoint.StartsWith(rootfs + "/", StringComparison.Ordinal), $"mounted outside the rootfs: {mountPoint}");

        // "/evil -> /" led to the rootfs's own /tmp; "/etc/x -> host dir" was followed inside it.
        Assert.That(added, Does.Contain(rootfs + "/proc"));
        Assert.That(added, Does.Contain(rootfs + "/tmp"));
        Assert.That(added, Does.Contain(rootfs + outside + "/sub"));
        Assert.That(Directory.Exists(Path.Combine(outside, "sub")), Is.False);
        Assert.That(File.ReadAllText(hostSecret), Is.EqualTo("host data"));

        // The devices exist and /dev/null is the real null device.
        var nul = new FileInfo(Path.Combine(rootfs, "dev", "null"));
        Assert.That(nul.Exists, Is.True);
        Assert.That(File.ResolveLinkTarget(Path.Combine(rootfs, "dev", "ptmx"), false)!.ToString(), Does.EndWith("pts/ptmx"));

        // The bind is read-only.
        Assert.Throws<IOException>(() => File.WriteAllText(Path.Combine(rootfs, "data", "probe"), "x"));
    }

    [Test]
    public void FakeDevNullIsRefusedBeforeMasking()
    {
        var config = new ContainerConfig
        {
            Root = new Root { Path = "rootfs" },
            Mounts = [new Mount { Destination = "/dev", Type = "tmpfs", Source = "tmpfs" }],
            Linux = new Linux { Namespaces = [new LinuxNamespace { Type = "mount" }], MaskedPaths = ["/etc/hosts"] },
        };
        File.WriteAllText(Path.Combine(rootfs, "etc", "hosts"), "");
        var plan = MountPlanner.Plan(config, rootfs, new RootfsOptions { BundlePath = bundle }) with { Devices = [], DevSymlinks = [] };
        var setup = new RootfsSetup(MountSyscalls.Instance);
        setup.PrepareRootfs(plan);
        // /dev/null replaced by a symlink to a regular file (CVE-2025-31133 binds a
        // writable file over the masked paths this way).
        File.CreateSymbolicLink(Path.Combine(rootfs, "dev", "null"), "/etc/hosts");
        var before = MountPoints();
        Assert.Throws<OciRuntime.Core.Linux.RuntimeException>(() => setup.FinishRootfs(plan, rootfs));
        Assert.That(MountPoints().Except(before), Is.Empty);
    }
}
