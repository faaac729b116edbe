using System;
using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Capabilities;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.ProcessAttributes;

/// <summary>The real seam against the test process, limited to changes that are harmless and undone.</summary>
public class ProcessSyscallsTests
{
    private const int RLIMIT_CORE = 4;

    private static unsafe Libc.RLimit GetRlimit(int resource)
    {
        Libc.RLimit old;
        SyscallException.Check(Libc.Prlimit(0, resource, null, &old), "getrlimit");
        return old;
    }

    [Test]
    public void LowerCoreSoftLimitAndReadItBack()
    {
        var before = GetRlimit(RLIMIT_CORE);
        var sys = new ProcessSyscalls();
        try
        {
            ulong soft = Math.Min(before.Current, 4096);
            var plan = ProcessPlanner.Plan(PlannerInput.WithRlimits(
                new OciRuntime.Core.Spec.Rlimit { Type = "RLIMIT_CORE", Soft = soft, Hard = before.Maximum }), 40);
            new ProcessSetup(sys).ApplyRlimits(plan);
            var after = GetRlimit(RLIMIT_CORE);
            Assert.That(after.Current, Is.EqualTo(soft));
            Assert.That(after.Maximum, Is.EqualTo(before.Maximum));
        }
        finally
        {
            sys.SetRlimit(RLIMIT_CORE, before.Current, before.Maximum);
        }
    }

    [Test]
    public void SoftAboveHardIsEinvalFromTheKernel()
    {
        var e = Assert.Throws<SyscallException>(() => new ProcessSyscalls().SetRlimit(RLIMIT_CORE, 2, 1));
        Assert.That(e!.Errno, Is.EqualTo(22));
    }

    [Test, Category("Root")]
    public void LowerAndRestoreCoreHardLimit()
    {
        const int CAP_SYS_RESOURCE = 24;
        var sys = new ProcessSyscalls();
        if (Libc.GetEuid() != 0 || (sys.CapGet().Effective & (1UL << CAP_SYS_RESOURCE)) == 0)
            Assert.Ignore("needs root with CAP_SYS_RESOURCE to raise the hard limit back");
        var before = GetRlimit(RLIMIT_CORE);
        try
        {
            sys.SetRlimit(RLIMIT_CORE, 0, 1 << 20);
            var lowered = GetRlimit(RLIMIT_CORE);
            Assert.That((lowered.Current, lowered.Maximum), Is.EqualTo((0UL, 1UL << 20)));
        }
        finally
        {
            sys.SetRlimit(RLIMIT_CORE, before.Current, before.Maximum);
        }
        var restored = GetRlimit(RLIMIT_CORE);
        Assert.That((restored.Current, restored.Maximum), Is.EqualTo((before.Current, before.Maximum)));
    }

    [Test, Category("Root")]
    public void CapsetWithTheCurrentSetsIsANoOp()
    {
        if (Libc.GetEuid() != 0)
            Assert.Ignore("needs root");
        var sys = new ProcessSyscalls();
        var before = sys.CapGet();
        sys.CapSet(before.Effective, before.Permitted, before.Inheritable);
        Assert.That(sys.CapGet(), Is.EqualTo(before));
    }

    [Test]
    public void CapGetReportsPermittedAsSupersetOfEffective()
    {
        var (effective, permitted, _) = new ProcessSyscalls().CapGet();
        Assert.That(effective & ~permitted, Is.Zero);
    }

    [Test]
    public void ReadAndWriteFiles()
    {
        string path = Path.Combine(Path.GetTempPath(), "ociruntime-rw-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "");
        try
        {
            var sys = new ProcessSyscalls();
            sys.WriteFile(path, "hello\n");
            Assert.That(sys.ReadFile(path), Is.EqualTo("hello\n"));
            Assert.That(sys.ReadFile(path + ".missing"), Is.Null);
            var e = Assert.Throws<SyscallException>(() => sys.WriteFile(path + ".missing", "x"));
            Assert.That(e!.Message, Does.StartWith($"open `{path}.missing`: "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ReadsProcSelfSetgroups()
    {
        string? state = new ProcessSyscalls().ReadFile("/proc/self/setgroups");
        Assert.That(state?.Trim(), Is.EqualTo("allow").Or.EqualTo("deny"));
    }

    [Test]
    public void KernelLastCap()
    {
        int last = KernelCapabilities.ReadLastCap();
        Assert.That(last, Is.EqualTo(int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim())));
        Assert.That(last, Is.InRange(30, 63));
    }

    [TestCase("40\n", 40)]
    [TestCase("  37 ", 37)]
    public void ParseLastCap(string text, int expected) =>
        Assert.That(KernelCapabilities.ParseLastCap(text), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("-1")]
    [TestCase("64")]
    [TestCase("x")]
    public void ParseLastCapRejects(string text) =>
        Assert.Throws<RuntimeException>(() => KernelCapabilities.ParseLastCap(text));
}
