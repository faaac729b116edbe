using System;
using System.IO;
using Microsoft.Win32.SafeHandles;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Mounts;

namespace OciRuntime.Tests.Mounts;

/// <summary>
/// Resolution inside a rootfs on a real filesystem (no privileges needed), with
/// openat2 and with the component-by-component fallback.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
[NonParallelizable]
public class InRootResolverTests
{
    readonly bool openat2;
    string root = "", outside = "";
    SafeFileHandle rootHandle = null!;
    readonly MountSyscalls sys = MountSyscalls.Instance;

    public InRootResolverTests(bool openat2) => this.openat2 = openat2;

    [SetUp]
    public void SetUp()
    {
        InRootResolver.UseOpenAt2 = openat2;
        root = Directory.CreateTempSubdirectory("ocirootfs").FullName;
        outside = Directory.CreateTempSubdirectory("ocioutside").FullName;
        rootHandle = sys.OpenHostPath(root);
    }

    [TearDown]
    public void TearDown()
    {
        rootHandle.Dispose();
        InRootResolver.UseOpenAt2 = true;
        Directory.Delete(root, true);
        Directory.Delete(outside, true);
    }

    string Resolve(string path, MissingPath missing = MissingPath.Fail)
    {
        using var h = sys.OpenInRoot(rootHandle, path, missing);
        return sys.PathOf(h);
    }

    [Test]
    public void SymlinkToSlashStaysAtTheRoot()
    {
        File.CreateSymbolicLink(Path.Combine(root, "evil"), "/");
        Assert.That(Resolve("/evil"), Is.EqualTo(root));
        Assert.That(Resolve("/evil/../../.."), Is.EqualTo(root));
    }

    [Test]
    public void AbsoluteSymlinkToAHostDirectoryIsFollowedInsideTheRoot()
    {
        File.CreateSymbolicLink(Path.Combine(root, "d"), outside);
        string resolved = Resolve("/d/x/y", MissingPath.CreateDirectory);
        Assert.That(resolved, Is.EqualTo(root + outside + "/x/y"));
        Assert.That(Directory.Exists(Path.Combine(outside, "x")), Is.False);
        Assert.That(Directory.Exists(root + outside + "/x/y"), Is.True);
    }

    [Test]
    public void RelativeDotDotSymlinkCannotClimbOut()
    {
        Directory.CreateDirectory(Path.Combine(root, "a"));
        File.CreateSymbolicLink(Path.Combine(root, "a", "up"), "../../../../../../" + outside.TrimStart('/'));
        string resolved = Resolve("/a/up/file", MissingPath.CreateFile);
        Assert.That(resolved, Is.EqualTo(root + outside + "/file"));
        Assert.That(File.Exists(root + outside + "/file"), Is.True);
        Assert.That(File.Exists(Path.Combine(outside, "file")), Is.False);
    }

    [Test]
    public void DanglingFinalSymlinkIsCreatedInsideTheRoot()
    {
        File.CreateSymbolicLink(Path.Combine(root, "mnt"), outside + "/target");
        Assert.That(Resolve("/mnt", MissingPath.CreateDirectory), Is.EqualTo(root + outside + "/target"));
        Assert.That(Directory.Exists(Path.Combine(outside, "target")), Is.False);
    }

    [Test]
    public void AMissingLastComponentIsCreatedInItsParent()
    {
        Directory.CreateDirectory(Path.Combine(root, "sys", "fs", "cgroup"));
        Assert.That(Resolve("/sys/fs/cgroup/pids", MissingPath.CreateDirectory), Is.EqualTo(root + "/sys/fs/cgroup/pids"));
        Assert.That(Directory.Exists(root + "/sys/fs/cgroup/pids"), Is.True);
        Assert.That(Resolve("/sys/fs/cgroup/pids/file", MissingPath.CreateFile), Is.EqualTo(root + "/sys/fs/cgroup/pids/file"));
        Assert.That(File.Exists(root + "/sys/fs/cgroup/pids/file"), Is.True);
        Assert.That(Resolve("/top", MissingPath.CreateDirectory), Is.EqualTo(root + "/top"));
    }

    [Test]
    public void AParentThatIsASymlinkOutIsStillResolvedInTheRoot()
    {
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.CreateSymbolicLink(Path.Combine(root, "etc", "up"), "../../../../" + outside.TrimStart('/'));
        Directory.CreateDirectory(root + outside);
        Assert.That(Resolve("/etc/up/leaf", MissingPath.CreateDirectory), Is.EqualTo(root + outside + "/leaf"));
        Assert.That(Directory.Exists(Path.Combine(outside, "leaf")), Is.False);
    }

    [Test]
    public void MissingPathFailsWithEnoent()
    {
        var e = Assert.Throws<SyscallException>(() => Resolve("/no/such"));
        Assert.That(e!.Errno, Is.EqualTo(Flags.ENOENT));
        Assert.That(Directory.Exists(Path.Combine(root, "no")), Is.False);
    }

    [Test]
    public void SymlinkLoopIsEloop()
    {
        File.CreateSymbolicLink(Path.Combine(root, "l1"), "/l2");
        File.CreateSymbolicLink(Path.Combine(root, "l2"), "l1");
        var e = Assert.Throws<SyscallException>(() => Resolve("/l1/x", MissingPath.CreateDirectory));
        Assert.That(e!.Errno, Is.EqualTo(MountConstants.ELOOP));
    }

    [Test]
    public void FileInTheMiddleIsEnotdir()
    {
        File.WriteAllText(Path.Combine(root, "f"), "");
        var e = Assert.Throws<SyscallException>(() => Resolve("/f/x", MissingPath.CreateDirectory));
        Assert.That(e!.Errno, Is.EqualTo(MountConstants.ENOTDIR));
    }

    [Test]
    public void CreateFileMakesAnEmptyRegularFileAndStatSeesIt()
    {
        using var h = sys.OpenInRoot(rootHandle, "/etc/resolv.conf", MissingPath.CreateFile);
        var status = sys.Stat(h);
        Assert.That(status.FileType, Is.EqualTo(MountConstants.S_IFREG));
        Assert.That(new FileInfo(Path.Combine(root, "etc", "resolv.conf")).Length, Is.EqualTo(0));
        Assert.That(sys.Stat(rootHandle).IsDirectory, Is.True);
    }

    [Test]
    public void MagicLinksAreNotFollowedOutOfTheRoot()
    {
        // A link to /proc/self/root would lead to the host's "/" if followed as a magic link.
        File.CreateSymbolicLink(Path.Combine(root, "m"), "/proc/self/root");
        string resolved = Resolve("/m", MissingPath.CreateDirectory);
        Assert.That(resolved, Is.EqualTo(root + "/proc/self/root"));
    }

    [Test]
    public void MakeNodeSymlinkChmodChownOnRealFiles()
    {
        using var dir = sys.OpenInRoot(rootHandle, "/dev", MissingPath.CreateDirectory);
        using var fifo = sys.MakeNode(dir, "fifo", MountConstants.S_IFIFO | 0x180, 0);
        sys.Chmod(fifo, 0x1B0);
        if (Environment.UserName == "root")
            sys.Chown(fifo, 0, 0);
        Assert.That(sys.Stat(fifo).Mode, Is.EqualTo(MountConstants.S_IFIFO | 0x1B0));
        sys.Symlink(dir, "ptmx", "pts/ptmx", replace: true);
        sys.Symlink(dir, "ptmx", "other", replace: false);
        Assert.That(File.ResolveLinkTarget(Path.Combine(root, "dev", "ptmx"), false)!.ToString(), Does.EndWith("pts/ptmx"));
    }
}
