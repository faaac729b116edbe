using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.SeccompProfiles;

public class SeccompPlannerTests
{
    private static SeccompSyscall Call(string action, params string[] names) => new() { Names = names, Action = action };

    private static SeccompArg Arg(uint index, string op, ulong value, ulong? valueTwo = null) =>
        new() { Index = index, Op = op, Value = value, ValueTwo = valueTwo };

    private static string PlanError(Core.Spec.Seccomp seccomp) =>
        Assert.Throws<RuntimeException>(() => SeccompPlanner.Plan(seccomp))!.Message;

    [Test]
    public void ErrnoDefaultsToEperm()
    {
        var plan = SeccompPlanner.Plan(new() { DefaultAction = "SCMP_ACT_ERRNO", Syscalls = [Call("SCMP_ACT_ALLOW", "read")] });
        Assert.That(plan.DefaultAction, Is.EqualTo(0x00050001u));
        Assert.That(plan.Rules.Single(), Is.EqualTo(new SeccompRule("read", SeccompActions.Allow, [])).Using<SeccompRule>(SameRule));
    }

    [TestCase("SCMP_ACT_ERRNO", 38u, 0x00050026u)]
    [TestCase("SCMP_ACT_TRACE", null, 0x7ff00001u)]
    [TestCase("SCMP_ACT_TRACE", 5u, 0x7ff00005u)]
    [TestCase("SCMP_ACT_KILL", null, 0x00000000u)]
    [TestCase("SCMP_ACT_KILL_THREAD", null, 0x00000000u)]
    [TestCase("SCMP_ACT_KILL_PROCESS", null, 0x80000000u)]
    [TestCase("SCMP_ACT_TRAP", null, 0x00030000u)]
    [TestCase("SCMP_ACT_LOG", null, 0x7ffc0000u)]
    public void RuleActionValues(string action, uint? errno, uint expected)
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["mkdir"], Action = action, ErrnoRet = errno }],
        });
        Assert.That(plan.Rules.Single().Action, Is.EqualTo(expected));
    }

    [Test]
    public void DefaultErrnoRetIsUsed()
    {
        var plan = SeccompPlanner.Plan(new() { DefaultAction = "SCMP_ACT_ERRNO", DefaultErrnoRet = 38 });
        Assert.That(plan.DefaultAction, Is.EqualTo(0x00050026u));
    }

    [Test]
    public void ErrnoOnAnActionWithoutOneIsAnError()
    {
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", DefaultErrnoRet = 1 }),
            Is.EqualTo("config.json: linux.seccomp.defaultErrnoRet: SCMP_ACT_ALLOW does not take an errno"));
        Assert.That(PlanError(new()
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Syscalls = [new SeccompSyscall { Names = ["read"], Action = "SCMP_ACT_KILL", ErrnoRet = 2 }],
        }), Is.EqualTo("config.json: linux.seccomp.syscalls[0].errnoRet: SCMP_ACT_KILL does not take an errno"));
    }

    [Test]
    public void UnknownActionNamesItsPlace()
    {
        var seccomp = new Core.Spec.Seccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [Call("SCMP_ACT_ERRNO", "a"), Call("SCMP_ACT_ERRNO", "b"), Call("SCMP_ACT_LOG", "c"), Call("SCMP_ACT_X", "d")],
        };
        Assert.That(PlanError(seccomp), Is.EqualTo("config.json: linux.seccomp.syscalls[3].action: unknown action \"SCMP_ACT_X\""));
        Assert.That(PlanError(new() { DefaultAction = "ALLOW" }), Is.EqualTo("config.json: linux.seccomp.defaultAction: unknown action \"ALLOW\""));
    }

    [Test]
    public void NotifyAsksForANewListener()
    {
        var plan = SeccompPlanner.Plan(new() { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock", Syscalls = [Call("SCMP_ACT_NOTIFY", "mkdir")] });
        Assert.That(plan.Rules.Single().Action, Is.EqualTo(SeccompActions.Notify));
        Assert.That(plan.Flags, Is.EqualTo(SeccompFilterFlags.NewListener));
        var none = SeccompPlanner.Plan(new() { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock", Syscalls = [Call("SCMP_ACT_ERRNO", "mkdir")] });
        Assert.That(none.Flags, Is.Zero);
    }

    [Test]
    public void NotifyRulesTheRuntimeCannotLiveWithAreRefused()
    {
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_NOTIFY", ListenerPath = "/a" }),
            Is.EqualTo("config.json: linux.seccomp.defaultAction: SCMP_ACT_NOTIFY cannot be the default action"));
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Call("SCMP_ACT_NOTIFY", "mkdir")] }),
            Does.StartWith("config.json: linux.seccomp.syscalls[0].action: SCMP_ACT_NOTIFY needs linux.seccomp.listenerPath"));
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/a", Syscalls = [Call("SCMP_ACT_ERRNO", "x"), Call("SCMP_ACT_NOTIFY", "mkdir", "write")] }),
            Does.StartWith("config.json: linux.seccomp.syscalls[1].action: SCMP_ACT_NOTIFY cannot be used for write"));
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/a", Flags = ["SECCOMP_FILTER_FLAG_TSYNC"], Syscalls = [Call("SCMP_ACT_NOTIFY", "mkdir")] }),
            Is.EqualTo("config.json: linux.seccomp.flags: SECCOMP_FILTER_FLAG_TSYNC cannot be combined with SCMP_ACT_NOTIFY"));
    }

    [Test]
    public void UnknownArchitectureFlagAndOperatorAreErrors()
    {
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_VAX"] }),
            Is.EqualTo("config.json: linux.seccomp.architectures[1]: unknown architecture \"SCMP_ARCH_VAX\""));
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", Flags = ["SECCOMP_FILTER_FLAG_NEW_LISTENER"] }),
            Is.EqualTo("config.json: linux.seccomp.flags[0]: unknown flag \"SECCOMP_FILTER_FLAG_NEW_LISTENER\""));
        Assert.That(PlanError(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["kill"], Action = "SCMP_ACT_ERRNO", Args = [Arg(0, "SCMP_CMP_EQ", 1), Arg(1, "SCMP_CMP_XOR", 1)] }],
        }), Is.EqualTo("config.json: linux.seccomp.syscalls[0].args[1].op: unknown operator \"SCMP_CMP_XOR\""));
    }

    [Test]
    public void ArgumentIndexAboveFiveIsAnError()
    {
        var seccomp = new Core.Spec.Seccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["kill"], Action = "SCMP_ACT_ERRNO", Args = [Arg(5, "SCMP_CMP_EQ", 1), Arg(6, "SCMP_CMP_EQ", 1)] }],
        };
        Assert.That(PlanError(seccomp), Does.StartWith("config.json: linux.seccomp.syscalls[0].args[1].index: 6 is out of range"));
    }

    [Test]
    public void ListenerMetadataNeedsListenerPath()
    {
        Assert.That(PlanError(new() { DefaultAction = "SCMP_ACT_ALLOW", ListenerMetadata = "x" }),
            Is.EqualTo("config.json: linux.seccomp.listenerMetadata: must not be set without listenerPath"));
    }

    [Test]
    public void ArchitecturesMapToLibseccompNamesWithoutDuplicates()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_X86", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPSEL64N32"],
        });
        Assert.That(plan.Architectures, Is.EqualTo(new[] { "x86_64", "x86", "x32", "aarch64", "mipsel64n32" }));
    }

    [Test]
    public void FlagsAreOred()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Flags = ["SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"],
        });
        Assert.That(plan.Flags, Is.EqualTo(2u | 4u | 32u));
        Assert.That(SeccompPlanner.Plan(new() { DefaultAction = "SCMP_ACT_ALLOW" }).Flags, Is.Zero);
    }

    [Test]
    public void EveryNameBecomesARuleInOrder()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Syscalls = [Call("SCMP_ACT_ALLOW", "read", "write"), Call("SCMP_ACT_KILL_PROCESS", "ptrace")],
        });
        Assert.That(plan.Rules.Select(r => (r.Syscall, r.Action)),
            Is.EqualTo(new[] { ("read", SeccompActions.Allow), ("write", SeccompActions.Allow), ("ptrace", SeccompActions.KillProcess) }));
    }

    [Test]
    public void RulesWithTheDefaultActionAreDropped()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Syscalls =
            [
                Call("SCMP_ACT_ERRNO", "mkdir"),
                new SeccompSyscall { Names = ["rmdir"], Action = "SCMP_ACT_ERRNO", ErrnoRet = 2 },
                Call("SCMP_ACT_ALLOW", "read"),
            ],
        });
        Assert.That(plan.Rules.Select(r => r.Syscall), Is.EqualTo(new[] { "rmdir", "read" }));
    }

    [Test]
    public void MaskedEqualWithoutValueTwoComparesWithZero()
    {
        // runtime-tools' default profile: clone allowed only without namespace flags.
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Syscalls = [new SeccompSyscall { Names = ["clone"], Action = "SCMP_ACT_ALLOW", Args = [Arg(0, "SCMP_CMP_MASKED_EQ", 2114060288)] }],
        });
        var c = plan.Rules.Single().Conditions.Single();
        Assert.That(c, Is.EqualTo(new SeccompCondition(0, 7, 2114060288, 0)));
    }

    [Test]
    public void DistinctArgumentsFormOneRule()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["kill"], Action = "SCMP_ACT_ERRNO", Args = [Arg(0, "SCMP_CMP_GT", 1), Arg(1, "SCMP_CMP_NE", 9, 3)] }],
        });
        var rule = plan.Rules.Single();
        Assert.That(rule.Conditions, Is.EqualTo(new[] { new SeccompCondition(0, 6, 1, 0), new SeccompCondition(1, 1, 9, 3) }));
    }

    [Test]
    public void ARepeatedArgumentSplitsEveryConditionIntoItsOwnRule()
    {
        var plan = SeccompPlanner.Plan(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls =
            [
                new SeccompSyscall
                {
                    Names = ["socket", "socketpair"],
                    Action = "SCMP_ACT_ERRNO",
                    Args = [Arg(0, "SCMP_CMP_EQ", 16), Arg(2, "SCMP_CMP_EQ", 9), Arg(0, "SCMP_CMP_EQ", 17)],
                },
            ],
        });
        Assert.That(plan.Rules.Select(r => (r.Syscall, r.Conditions.Single().Index, r.Conditions.Single().Value)), Is.EqualTo(new[]
        {
            ("socket", 0u, 16ul), ("socket", 2u, 9ul), ("socket", 0u, 17ul),
            ("socketpair", 0u, 16ul), ("socketpair", 2u, 9ul), ("socketpair", 0u, 17ul),
        }));
    }

    private static bool SameRule(SeccompRule a, SeccompRule b) =>
        a.Syscall == b.Syscall && a.Action == b.Action && a.Conditions.SequenceEqual(b.Conditions);
}
