using System;
using System.IO;
using System.Runtime.Versioning;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Lifecycle;

[SupportedOSPlatform("linux")]
public class SmallFileTests
{
    private string _tmp = "";

    [SetUp]
    public void SetUp() => _tmp = Directory.CreateTempSubdirectory("smallfile-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_tmp, recursive: true);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(4096)]
    [TestCase(4097)]
    [TestCase(100_000)]
    public void ReadsWholeFilesOfAnySize(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var path = Path.Combine(_tmp, "f");
        File.WriteAllBytes(path, data);
        Assert.That(SmallFile.Read(path), Is.EqualTo(data));
    }

    [Test]
    public void MissingFileOrDirectoryIsNull()
    {
        Assert.That(SmallFile.Read(Path.Combine(_tmp, "none")), Is.Null);
        Assert.That(SmallFile.Read(Path.Combine(_tmp, "none", "f")), Is.Null);
        File.WriteAllText(Path.Combine(_tmp, "file"), "x");
        Assert.That(SmallFile.Read(Path.Combine(_tmp, "file", "f")), Is.Null, "ENOTDIR");
    }

    [Test]
    public void OtherErrorsThrowWithThePath()
    {
        var e = Assert.Throws<SyscallException>(() => SmallFile.Read(_tmp + "/" + new string('a', 300)));
        Assert.That(e!.Message, Does.StartWith("open `"));
        Assert.That(SmallFile.TryReadText(_tmp + "/" + new string('a', 300)), Is.Null);
    }

    [Test]
    public void ReadsProcFilesWhoseSizeIsZero()
    {
        var text = SmallFile.TryReadText("/proc/self/stat");
        Assert.That(ProcStat.Parse(text!)!.Value.Pid, Is.EqualTo(Environment.ProcessId));
    }
}
