using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.ProcessAttributes;

public class ProcessEnvironmentTests
{
    [Test]
    public void NullEnvIsEmptyAndHasNoPath()
    {
        var env = ProcessEnvironment.Prepare(null, out bool hasHome, out string? path);
        Assert.That(env, Is.Empty);
        Assert.That(hasHome, Is.False);
        Assert.That(path, Is.Null, "runc adds no default PATH");
    }

    [Test]
    public void LastDuplicateWinsAtItsOwnPosition()
    {
        var env = ProcessEnvironment.Prepare(["A=1", "B=2", "A=3", "C="], out _, out _);
        Assert.That(env, Is.EqualTo(new[] { "B=2", "A=3", "C=" }));
    }

    [Test]
    public void ValueMayContainEquals()
    {
        var env = ProcessEnvironment.Prepare(["PATH=/a:/b", "X=a=b"], out _, out string? path);
        Assert.That(env, Is.EqualTo(new[] { "PATH=/a:/b", "X=a=b" }));
        Assert.That(path, Is.EqualTo("/a:/b"));
    }

    [Test]
    public void EmptyHomeCountsAsSet()
    {
        ProcessEnvironment.Prepare(["HOME="], out bool hasHome, out _);
        Assert.That(hasHome, Is.True);
    }

    [TestCase("NOEQUALS", "config.json: process.env[1]: invalid environment variable: missing '='")]
    [TestCase("=x", "config.json: process.env[1]: invalid environment variable: name cannot be empty")]
    [TestCase("A=x\0y", "config.json: process.env[1]: invalid environment variable \"A\": contains nul byte (\\x00)")]
    public void InvalidEntries(string entry, string message)
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessEnvironment.Prepare(["OK=1", entry], out _, out _));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    private const string Passwd =
        "root:x:0:0:root:/root:/bin/sh\n" +
        "# comment\n" +
        "\n" +
        "broken line\n" +
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\r\n" +
        "app:x:1000:1000:App,,,:/home/app:/bin/bash\n" +
        "dup:x:1000:1000::/home/dup:/bin/sh\n";

    [TestCase(0u, "/root")]
    [TestCase(1u, "/usr/sbin")]
    [TestCase(1000u, "/home/app")]
    [TestCase(4242u, "/")]
    public void HomeFromPasswd(uint uid, string home) =>
        Assert.That(ProcessEnvironment.HomeFromPasswd(uid, Passwd), Is.EqualTo(home));

    [Test]
    public void HomeWithoutPasswdIsRoot() =>
        Assert.That(ProcessEnvironment.HomeFromPasswd(1000, null), Is.EqualTo("/"));

    [Test]
    public void FinishAppendsHomeOnlyWhenMissing()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.Minimal(), 40);
        Assert.That(ProcessEnvironment.Finish(plan, "app:x:1000:1:x:/home/app:/bin/sh\n"),
            Is.EqualTo(new[] { "PATH=/usr/bin:/bin", "TERM=xterm", "HOME=/home/app" }));

        var withHome = ProcessPlanner.Plan(PlannerInput.Minimal() with { Env = ["HOME=/h"] }, 40);
        Assert.That(ProcessEnvironment.Finish(withHome, "app:x:1000:1:x:/home/app:/bin/sh\n"), Is.EqualTo(new[] { "HOME=/h" }));
    }
}
