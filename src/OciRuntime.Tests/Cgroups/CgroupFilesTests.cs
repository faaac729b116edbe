using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;

namespace OciRuntime.Tests.Cgroups;

public class CgroupFilesTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("cgfiles").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void WriteDoesNotCreateMissingControlFiles()
    {
        var files = new CgroupFiles(_root);
        Assert.That(() => files.WriteFile("memory.max", "1"), Throws.TypeOf<SyscallException>().With.Message.StartsWith($"write `1` to `{_root}/memory.max`:"));
        Assert.That(File.Exists(Path.Combine(_root, "memory.max")), Is.False);
    }

    [Test]
    public void WriteIsOneWriteAtOffsetZeroWithoutTruncation()
    {
        File.WriteAllText(Path.Combine(_root, "pids.max"), "max\n");
        new CgroupFiles(_root).WriteFile("pids.max", "5");
        Assert.That(File.ReadAllText(Path.Combine(_root, "pids.max")), Is.EqualTo("5ax\n"));
    }

    [Test]
    public void SubdirectoriesSkipSymlinks()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cpu,cpuacct"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "cpu"), "cpu,cpuacct");
        File.WriteAllText(Path.Combine(_root, "cgroup.procs"), "");
        Assert.That(new CgroupFiles(_root).Subdirectories(""), Is.EqualTo(new[] { "cpu,cpuacct" }));
    }

    [Test]
    public void RemoveDirectoryReportsMissingAndErrno()
    {
        var files = new CgroupFiles(_root);
        Assert.That(files.RemoveDirectory("absent"), Is.False);
        Directory.CreateDirectory(Path.Combine(_root, "full/child"));
        // ENOTEMPTY (39) stands in for EBUSY: both reach the caller as an errno.
        Assert.That(() => files.RemoveDirectory("full"), Throws.TypeOf<SyscallException>().With.Property(nameof(SyscallException.Errno)).EqualTo(39));
        Directory.Delete(Path.Combine(_root, "full/child"));
        Assert.That(files.RemoveDirectory("full"), Is.True);
    }
}
