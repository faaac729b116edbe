using System;
using System.Diagnostics;
using System.Runtime.Versioning;
using NUnit.Framework;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Processes;

[SupportedOSPlatform("linux")]
public class ProcessControlTests
{
    private static Process Sleeper() => Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;

    [Test]
    public void WaitGoneTimesOutOnALiveProcess()
    {
        using var p = Sleeper();
        try
        {
            var sw = Stopwatch.StartNew();
            Assert.That(ProcessControl.WaitGone(p.Id, TimeSpan.FromMilliseconds(150)), Is.False);
            Assert.That(sw.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(140));
            Assert.That(ProcessControl.IsAlive(p.Id), Is.True);
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
        }
    }

    [Test]
    public void WaitGoneReturnsOnceAKilledProcessExits()
    {
        using var p = Sleeper();
        Assert.That(ProcessControl.Kill(p.Id, 9), Is.True);
        Assert.That(ProcessControl.WaitGone(p.Id, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(ProcessControl.IsAlive(p.Id), Is.False);
    }

    [Test]
    public void PidfdOfAGoneProcessSaysSo()
    {
        using var p = Sleeper();
        int pid = p.Id;
        p.Kill();
        p.WaitForExit(); // reaped: the pid names nothing now (barring reuse in these microseconds)
        Assert.That(ProcessControl.OpenPidfd(pid), Is.EqualTo(ProcessControl.PidGone));
        Assert.That(ProcessControl.WaitGone(pid, TimeSpan.FromSeconds(1)), Is.True);
    }

    [Test]
    public void WaitReadableWakesWhenTheProcessExits()
    {
        using var p = Sleeper();
        int fd = ProcessControl.OpenPidfd(p.Id);
        Assume.That(fd, Is.GreaterThanOrEqualTo(0), "pidfd_open refused here");
        try
        {
            Assert.That(ProcessControl.WaitReadable(fd, Environment.TickCount64 + 50), Is.False, "readable while alive");
            ProcessControl.Kill(p.Id, 9);
            Assert.That(ProcessControl.WaitReadable(fd, Environment.TickCount64 + 10_000), Is.True);
        }
        finally
        {
            OciRuntime.Core.Interop.Libc.Close(fd);
            p.WaitForExit();
        }
    }

    [TestCase(0, 0)]
    [TestCase(3 << 8, 3)]
    [TestCase(255 << 8, 255)]
    [TestCase(9, 137)]
    [TestCase(15 | 0x80, 143)] // killed by SIGTERM with a core dump flag
    public void ExitCodeIsShellStyle(int status, int expected)
    {
        Assert.That(ProcessControl.ExitCode(status), Is.EqualTo(expected));
    }
}
