using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.Versioning;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Lifecycle;

[SupportedOSPlatform("linux")]
public class HookRunnerTests
{
    private const string State = "{\"ociVersion\":\"1.3.0\",\"id\":\"c1\",\"status\":\"creating\",\"bundle\":\"/b\"}";
    private string _tmp = "";

    [SetUp]
    public void SetUp() => _tmp = Directory.CreateTempSubdirectory("lc-hook-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_tmp, recursive: true);

    private static Hook Sh(string script, string[]? env = null, int? timeout = null) =>
        new() { Path = "/bin/sh", Args = ["sh", "-c", script], Env = env, Timeout = timeout };

    [Test]
    public void StateArrivesOnStdin()
    {
        var file = Path.Combine(_tmp, "stdin");
        HookRunner.Run("prestart", [Sh($"cat > {file}")], State, null);
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(State)));
    }

    [Test]
    public void EnvIsExactlyTheHooksOwn()
    {
        Environment.SetEnvironmentVariable("OCI_HOOK_TEST_LEAK", "leaked");
        var file = Path.Combine(_tmp, "env");
        HookRunner.Run("poststart", [Sh($"env > {file}", env: ["A=1", "B=x=y"])], State, null);
        var lines = File.ReadAllLines(file);
        Assert.That(lines, Does.Contain("A=1"));
        Assert.That(lines, Does.Contain("B=x=y"));
        Assert.That(string.Join("\n", lines), Does.Not.Contain("OCI_HOOK_TEST_LEAK"));
    }

    [Test]
    public void NullEnvMeansEmptyEnv()
    {
        Environment.SetEnvironmentVariable("OCI_HOOK_TEST_LEAK", "leaked");
        var file = Path.Combine(_tmp, "env");
        HookRunner.Run("poststart", [Sh($"env > {file}")], State, null);
        Assert.That(File.ReadAllText(file), Does.Not.Contain("OCI_HOOK_TEST_LEAK"));
        Assert.That(File.ReadAllText(file), Does.Not.Contain("HOME="));
    }

    [Test]
    public void ArgumentsAfterArgv0ArePassedVerbatim()
    {
        var file = Path.Combine(_tmp, "args");
        var hook = new Hook { Path = "/bin/sh", Args = ["sh", "-c", "printf '%s|' \"$@\" > \"$0\"", file, "a b", "c\"d"] };
        HookRunner.Run("createRuntime", [hook], State, null);
        Assert.That(File.ReadAllText(file), Is.EqualTo("a b|c\"d|"));
    }

    [Test]
    public void HooksRunInOrderAndStopAtTheFirstFailure()
    {
        var log = Path.Combine(_tmp, "order");
        var e = Assert.Throws<RuntimeException>(() => HookRunner.Run("createRuntime",
        [
            Sh($"echo one >> {log}"),
            Sh($"echo two >> {log}; echo 'bad thing' >&2; echo more >&2; exit 3"),
            Sh($"echo three >> {log}"),
        ], State, null));
        Assert.That(e!.Message, Is.EqualTo("createRuntime hook #1 `/bin/sh`: exit status 3: bad thing; more"));
        Assert.That(File.ReadAllLines(log), Is.EqualTo(new[] { "one", "two" }));
    }

    [Test]
    public void FailureWithoutStderrIsJustTheStatus()
    {
        var e = Assert.Throws<RuntimeException>(() => HookRunner.Run("poststop", [Sh("exit 1")], State, null));
        Assert.That(e!.Message, Is.EqualTo("poststop hook #0 `/bin/sh`: exit status 1"));
    }

    [Test]
    public void TimeoutKillsTheHook()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<RuntimeException>(() => HookRunner.Run("prestart", [Sh("sleep 30", timeout: 1)], State, null));
        Assert.That(e!.Message, Is.EqualTo("prestart hook #0 `/bin/sh`: timed out after 1s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void MissingExecutableNamesTheHook()
    {
        var e = Assert.Throws<RuntimeException>(() => HookRunner.Run("startContainer", [new Hook { Path = "/nonexistent/hook" }], State, null));
        Assert.That(e!.Message, Does.StartWith("startContainer hook #0 `/nonexistent/hook`: "));
    }

    [Test]
    public void OutputIsPassedThrough()
    {
        var output = new StringWriter();
        HookRunner.Run("poststart", [Sh("echo to-out; echo to-err >&2")], State, output);
        Assert.That(output.ToString(), Does.Contain("to-out\n").And.Contain("to-err\n"));
    }

    [Test]
    public void ABackgroundChildHoldingTheOutputDoesNotBlock()
    {
        var watch = Stopwatch.StartNew();
        HookRunner.Run("prestart", [Sh("sleep 20 & exit 0")], State, null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void NoHooksIsNothing()
    {
        Assert.DoesNotThrow(() => HookRunner.Run("poststop", null, State, null));
        Assert.DoesNotThrow(() => HookRunner.Run("poststop", Array.Empty<Hook>(), State, null));
    }
}
