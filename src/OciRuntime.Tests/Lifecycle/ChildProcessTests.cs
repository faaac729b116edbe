using System;
using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Lifecycle;

/// <summary><see cref="ChildProcess"/>: the helper runner used for hooks, newuidmap/newgidmap and ps.</summary>
public class ChildProcessTests
{
    private static ChildProcess.Result Sh(string script, string? stdin = null, TimeSpan? timeout = null, string[]? env = null) =>
        ChildProcess.Run("/bin/sh", ["sh", "-c", script], env ?? [], stdin is null ? default : Encoding.UTF8.GetBytes(stdin), timeout, TimeSpan.FromMilliseconds(200));

    [Test]
    public void StdinReachesTheChildAndOutputComesBack()
    {
        var r = Sh("cat; echo err >&2; exit 7", "{\"status\":\"creating\"}");
        Assert.That(r.ExitCode, Is.EqualTo(7));
        Assert.That(r.Stdout, Is.EqualTo("{\"status\":\"creating\"}"));
        Assert.That(r.Stderr, Is.EqualTo("err\n"));
        Assert.That(r.TimedOut, Is.False);
    }

    [Test]
    public void ArgvZeroAndEnvironmentAreExactlyThoseGiven()
    {
        var r = ChildProcess.Run("/bin/sh", ["custom-name", "-c", "echo \"$0\"; env | sort"], ["A=1", "B=two words"], default, null, TimeSpan.Zero);
        Assert.That(r.Stdout.Split('\n')[0], Is.EqualTo("custom-name"));
        Assert.That(r.Stdout, Does.Contain("A=1\n").And.Contain("B=two words\n"));
        Assert.That(r.Stdout, Does.Not.Contain("HOME="));
    }

    [Test]
    public void LargeStdinIsWrittenWhileOutputIsRead()
    {
        var big = new string('x', 1 << 20);
        var r = Sh("cat", big);
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout.Length, Is.EqualTo(big.Length));
    }

    [Test]
    public void AChildThatIgnoresItsStdinIsNotAnError()
    {
        var r = Sh("exit 0", new string('y', 1 << 20));
        Assert.That(r.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void TimeoutKills()
    {
        var watch = Stopwatch.StartNew();
        var r = Sh("sleep 30", timeout: TimeSpan.FromMilliseconds(300));
        Assert.That(r.TimedOut, Is.True);
        Assert.That(r.Signal, Is.EqualTo(9));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void DeathBySignalIs128PlusN()
    {
        var r = Sh("kill -TERM $$");
        Assert.That(r.ExitCode, Is.EqualTo(128 + 15));
        Assert.That(r.Signal, Is.EqualTo(15));
    }

    [Test]
    public void ADaemonHoldingTheOutputDoesNotHoldTheCaller()
    {
        var watch = Stopwatch.StartNew();
        var r = Sh("(sleep 20 &) ; echo started");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout, Is.EqualTo("started\n"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void PathSearchForBareNames()
    {
        var r = ChildProcess.Run("sh", ["sh", "-c", "echo found"], ["PATH=/usr/bin:/bin"], default, null, TimeSpan.Zero);
        Assert.That(r.Stdout, Is.EqualTo("found\n"));
    }

    [Test]
    public void OutputWrittenBeforeExitIsKeptWithoutGrace()
    {
        for (int i = 0; i < 50; i++)
        {
            var r = ChildProcess.Run("/bin/sh", ["sh", "-c", "echo out; echo err >&2"], [], default, null, TimeSpan.Zero);
            Assert.That((r.Stdout, r.Stderr), Is.EqualTo(("out\n", "err\n")), $"round {i}");
        }
    }

    [Test]
    public void AMissingProgramThrows()
    {
        var e = Assert.Throws<SyscallException>(() => ChildProcess.Run("/nonexistent/prog", ["prog"], [], default, null, TimeSpan.Zero));
        Assert.That(e!.Message, Does.Contain("/nonexistent/prog").And.Contain("No such file"));
    }
}
