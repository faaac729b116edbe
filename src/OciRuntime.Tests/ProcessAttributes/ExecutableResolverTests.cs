using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;

namespace OciRuntime.Tests.ProcessAttributes;

public class ExecutableResolverTests
{
    private static Func<string, string?> Only(params string[] executables)
    {
        var set = new HashSet<string>(executables);
        return p => set.Contains(p) ? null : $"stat {p}: no such file or directory";
    }

    [Test]
    public void SearchesPathInOrder()
    {
        var probed = new List<string>();
        string? Check(string p) { probed.Add(p); return p == "/bin/sh" || p == "/usr/local/bin/sh" ? null : "nope"; }
        Assert.That(ExecutableResolver.Resolve("sh", "/usr/bin:/bin:/usr/local/bin", Check), Is.EqualTo("/bin/sh"));
        Assert.That(probed, Is.EqualTo(new[] { "/usr/bin/sh", "/bin/sh" }));
    }

    [Test]
    public void TrailingSlashInPathEntry() =>
        Assert.That(ExecutableResolver.Resolve("sh", "/bin/", Only("/bin/sh")), Is.EqualTo("/bin/sh"));

    [Test]
    public void RootDirectoryEntry() =>
        Assert.That(ExecutableResolver.Resolve("init", "/", Only("/init")), Is.EqualTo("/init"));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("/usr/bin")]
    public void NotFound(string? path)
    {
        var e = Assert.Throws<RuntimeException>(() => ExecutableResolver.Resolve("foo", path, Only("/bin/foo")));
        Assert.That(e!.Message, Is.EqualTo("exec: \"foo\": executable file not found in $PATH"));
    }

    [Test]
    public void SlashMeansNoSearch()
    {
        Assert.That(ExecutableResolver.Resolve("/opt/app", "/bin", Only("/opt/app")), Is.EqualTo("/opt/app"));
        Assert.That(ExecutableResolver.Resolve("./app", null, Only("./app")), Is.EqualTo("./app"));
    }

    [Test]
    public void SlashPathThatIsNotExecutableSaysWhy()
    {
        var e = Assert.Throws<RuntimeException>(() => ExecutableResolver.Resolve("/opt/app", "/bin", _ => "permission denied"));
        Assert.That(e!.Message, Is.EqualTo("exec: \"/opt/app\": permission denied"));
    }

    [TestCase("bin:/usr/bin", "bin/tool")]
    [TestCase(":/usr/bin", "./tool")]
    public void MatchThroughRelativePathEntryIsRefused(string path, string found)
    {
        var e = Assert.Throws<RuntimeException>(() => ExecutableResolver.Resolve("tool", path, Only(found, "/usr/bin/tool")));
        Assert.That(e!.Message, Is.EqualTo("exec: \"tool\": cannot run executable found relative to current directory"));
    }

    [Test, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void RealCheckOnTheFilesystem()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ociruntime-resolve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string exe = Path.Combine(dir, "tool");
            string data = Path.Combine(dir, "data");
            File.WriteAllText(exe, "#!/bin/sh\n");
            File.WriteAllText(data, "x");
            File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.CreateDirectory(Path.Combine(dir, "sub"));

            Assert.That(ExecutableResolver.Check(exe), Is.Null);
            // Even root needs one x bit to execute (faccessat X_OK as root).
            Assert.That(ExecutableResolver.Check(data), Is.EqualTo("permission denied"));
            Assert.That(ExecutableResolver.Check(Path.Combine(dir, "sub")), Is.EqualTo("is a directory"));
            string missing = Path.Combine(dir, "missing");
            Assert.That(ExecutableResolver.Check(missing), Is.EqualTo($"stat {missing}: no such file or directory"));

            Assert.That(ExecutableResolver.Resolve("tool", "/nonexistent:" + dir), Is.EqualTo(exe));
            var e = Assert.Throws<RuntimeException>(() => ExecutableResolver.Resolve("data", dir + ":/nonexistent"));
            Assert.That(e!.Message, Is.EqualTo("exec: \"data\": executable file not found in $PATH"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
