using System;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.ProcessAttributes;

public class ProcessPlannerTests
{
    [Test]
    public void CopiesUserArgsCwdAndFlags()
    {
        var p = PlannerInput.Minimal() with
        {
            Args = ["/bin/echo", "hi"],
            Cwd = "/work",
            User = new User { Uid = 7, Gid = 8, AdditionalGids = [5, 6], Umask = 0x3f },
            NoNewPrivileges = true,
            OomScoreAdj = -500,
        };
        var plan = ProcessPlanner.Plan(p, 40);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Uid, Is.EqualTo(7));
            Assert.That(plan.Gid, Is.EqualTo(8));
            Assert.That(plan.AdditionalGids, Is.EqualTo(new uint[] { 5, 6 }));
            Assert.That(plan.Umask, Is.EqualTo(0x3f));
            Assert.That(plan.Args, Is.EqualTo(new[] { "/bin/echo", "hi" }));
            Assert.That(plan.Cwd, Is.EqualTo("/work"));
            Assert.That(plan.NoNewPrivileges, Is.True);
            Assert.That(plan.OomScoreAdj, Is.EqualTo(-500));
        });
    }

    [Test]
    public void Defaults()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.Minimal(), 40);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Umask, Is.EqualTo(Convert.ToUInt32("022", 8)));
            Assert.That(plan.AdditionalGids, Is.Empty);
            Assert.That(plan.Rlimits, Is.Empty);
            Assert.That(plan.Capabilities, Is.Null, "no process.capabilities: leave the sets alone");
            Assert.That(plan.OomScoreAdj, Is.Null);
            Assert.That(plan.NoNewPrivileges, Is.False);
            Assert.That(plan.Warnings, Is.Empty);
        });
    }

    [Test]
    public void UmaskZeroIsKept() =>
        Assert.That(ProcessPlanner.Plan(PlannerInput.Minimal() with { User = new User { Umask = 0 } }, 40).Umask, Is.EqualTo(0));

    [Test]
    public void MasksCombineNamesPerSet()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.WithCaps(new Capabilities
        {
            Bounding = ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE", "CAP_CHECKPOINT_RESTORE"],
            Effective = ["CAP_KILL", "CAP_KILL"],
            Permitted = ["CAP_KILL", "CAP_SYS_ADMIN"],
            Inheritable = [],
            Ambient = null,
        }), 40);
        var c = plan.Capabilities!;
        Assert.Multiple(() =>
        {
            Assert.That(c.Bounding, Is.EqualTo(0x100_2000_0421UL));
            Assert.That(c.Effective, Is.EqualTo(0x20UL));
            Assert.That(c.Permitted, Is.EqualTo(0x20_0020UL));
            Assert.That(c.Inheritable, Is.EqualTo(0UL));
            Assert.That(c.Ambient, Is.EqualTo(0UL));
            Assert.That(c.LastCap, Is.EqualTo(40));
        });
    }

    [Test]
    public void UnknownCapabilityIsAWarningNamingThePath()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.WithCaps(new Capabilities
        {
            Bounding = ["CAP_CHOWN", "CAP_KILL", "CAP_SETUID", "CAP_FOO"],
        }), 40);
        Assert.That(plan.Warnings, Is.EqualTo(new[]
        {
            "config.json: process.capabilities.bounding[3]: unknown capability \"CAP_FOO\"",
        }));
        Assert.That(plan.Capabilities!.Bounding, Is.EqualTo((1UL << 0) | (1UL << 5) | (1UL << 7)));
    }

    [Test]
    public void CapabilityNewerThanTheKernelIsAWarningAndLeftOut()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.WithCaps(new Capabilities
        {
            Permitted = ["CAP_CHOWN", "CAP_BPF"],
        }), lastCap: 37);
        Assert.That(plan.Warnings, Is.EqualTo(new[]
        {
            "config.json: process.capabilities.permitted[1]: capability \"CAP_BPF\" is not supported by the running kernel (cap_last_cap is 37)",
        }));
        Assert.That(plan.Capabilities!.Permitted, Is.EqualTo(1UL));
        Assert.That(plan.Capabilities.LastCap, Is.EqualTo(37));
    }

    [TestCase(-1)]
    [TestCase(64)]
    public void LastCapOutOfRange(int lastCap) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessPlanner.Plan(PlannerInput.Minimal(), lastCap));

    private static string[] RlimitTypes() => RlimitNames.All;

    [TestCaseSource(nameof(RlimitTypes))]
    public void EveryRlimitMapsToTheKernelNumber(string type)
    {
        var header = KernelHeaders.Defines(KernelHeaders.ResourceHeader, "RLIMIT_");
        if (header is null)
            Assert.Ignore($"{KernelHeaders.ResourceHeader} not installed");
        var plan = ProcessPlanner.Plan(PlannerInput.WithRlimits(new Rlimit { Type = type, Soft = 10, Hard = 20 }), 40);
        Assert.That(plan.Rlimits.Single(), Is.EqualTo(new RlimitPlan(header![type], type, 10, 20)));
    }

    [Test]
    public void RlimitTableCoversTheHeader()
    {
        var header = KernelHeaders.Defines(KernelHeaders.ResourceHeader, "RLIMIT_");
        if (header is null)
            Assert.Ignore($"{KernelHeaders.ResourceHeader} not installed");
        Assert.That(RlimitNames.All, Is.EquivalentTo(header!.Keys));
        Assert.That(RlimitNames.All, Has.Length.EqualTo(16));
    }

    [Test]
    public void RlimitsKeepConfigOrderAndInfinity()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.WithRlimits(
            new Rlimit { Type = "RLIMIT_NOFILE", Soft = 1024, Hard = 4096 },
            new Rlimit { Type = "RLIMIT_CORE", Soft = ulong.MaxValue, Hard = ulong.MaxValue }), 40);
        Assert.That(plan.Rlimits, Is.EqualTo(new[]
        {
            new RlimitPlan(7, "RLIMIT_NOFILE", 1024, 4096),
            new RlimitPlan(4, "RLIMIT_CORE", ulong.MaxValue, ulong.MaxValue),
        }));
    }

    [Test]
    public void UnknownRlimit()
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessPlanner.Plan(PlannerInput.WithRlimits(
            new Rlimit { Type = "RLIMIT_CORE", Soft = 1, Hard = 1 },
            new Rlimit { Type = "RLIMIT_FOO", Soft = 1, Hard = 1 }), 40));
        Assert.That(e!.Message, Is.EqualTo("config.json: process.rlimits[1].type: unknown resource limit \"RLIMIT_FOO\""));
    }

    [Test]
    public void DuplicateRlimit()
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessPlanner.Plan(PlannerInput.WithRlimits(
            new Rlimit { Type = "RLIMIT_NOFILE", Soft = 1, Hard = 1 },
            new Rlimit { Type = "RLIMIT_NOFILE", Soft = 2, Hard = 2 }), 40));
        Assert.That(e!.Message, Is.EqualTo("config.json: process.rlimits[1].type: duplicate resource limit \"RLIMIT_NOFILE\""));
    }

    [Test]
    public void SoftAboveHard()
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessPlanner.Plan(PlannerInput.WithRlimits(
            new Rlimit { Type = "RLIMIT_NOFILE", Soft = 2048, Hard = 1024 }), 40));
        Assert.That(e!.Message, Is.EqualTo("config.json: process.rlimits[0]: soft limit 2048 is greater than hard limit 1024 for RLIMIT_NOFILE"));
    }

    [Test]
    public void EmptyArgs()
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessPlanner.Plan(PlannerInput.Minimal() with { Args = [] }, 40));
        Assert.That(e!.Message, Is.EqualTo("config.json: process.args: must not be empty"));
    }

    [Test]
    public void RelativeCwd()
    {
        var e = Assert.Throws<RuntimeException>(() => ProcessPlanner.Plan(PlannerInput.Minimal() with { Cwd = "work" }, 40));
        Assert.That(e!.Message, Is.EqualTo("config.json: process.cwd: must be an absolute path, got \"work\""));
    }

    [Test]
    public void EnvIsPreparedIntoThePlan()
    {
        var plan = ProcessPlanner.Plan(PlannerInput.Minimal() with { Env = ["A=1", "PATH=/x", "A=2", "PATH=/y"] }, 40);
        Assert.That(plan.Env, Is.EqualTo(new[] { "A=2", "PATH=/y" }));
        Assert.That(plan.PathEnv, Is.EqualTo("/y"));
        Assert.That(plan.HasHome, Is.False);
    }
}
