using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Spec;
using LinuxSection = OciRuntime.Core.Spec.Linux;

namespace OciRuntime.Tests.ProcessAttributes;

public class ProcessAttributesPlannerTests
{
    private static ContainerConfig With(Process? process = null, LinuxSection? linux = null) => new()
    {
        OciVersion = "1.3.0",
        Root = new Root { Path = "rootfs" },
        Process = process ?? PlannerInput.Minimal(),
        Linux = linux ?? new LinuxSection(),
    };

    private static ContainerConfig Sched(Scheduler s) => With(PlannerInput.Minimal() with { Scheduler = s });

    private static string ErrorOf(ContainerConfig c) =>
        Assert.Throws<RuntimeException>(() => ProcessAttributesPlanner.Plan(c))!.Message;

    [Test]
    public void NothingSetLeavesEverythingAlone()
    {
        var plan = ProcessAttributesPlanner.Plan(With());
        Assert.That(plan, Is.EqualTo(new ProcessAttributesPlan()));
    }

    [TestCase("LINUX", 0x0u)]
    [TestCase("LINUX32", 0x8u)]
    public void PersonalityDomains(string domain, uint expected) =>
        Assert.That(ProcessAttributesPlanner.Plan(With(linux: new LinuxSection { Personality = new Personality { Domain = domain } })).Personality, Is.EqualTo(expected));

    [Test]
    public void PersonalityUnknownDomainAndAnyFlagAreErrors()
    {
        Assert.That(ErrorOf(With(linux: new LinuxSection { Personality = new Personality { Domain = "SVR4" } })),
            Is.EqualTo("config.json: linux.personality.domain: unknown domain \"SVR4\" (LINUX or LINUX32)"));
        Assert.That(ErrorOf(With(linux: new LinuxSection { Personality = new Personality { Domain = "LINUX", Flags = ["ADDR_NO_RANDOMIZE"] } })),
            Does.StartWith("config.json: linux.personality.flags[0]: \"ADDR_NO_RANDOMIZE\""));
    }

    [TestCase("IOPRIO_CLASS_RT", 0, 0x2000)]
    [TestCase("IOPRIO_CLASS_BE", 4, 0x4004)]
    [TestCase("IOPRIO_CLASS_IDLE", 7, 0x6007)]
    public void IoPriorityEncodesClassAndLevel(string cls, int level, int expected) =>
        Assert.That(ProcessAttributesPlanner.Plan(With(PlannerInput.Minimal() with { IoPriority = new IoPriority { Class = cls, Priority = level } })).IoPriority,
            Is.EqualTo(expected));

    [Test]
    public void IoPriorityErrorsNameTheField()
    {
        Assert.That(ErrorOf(With(PlannerInput.Minimal() with { IoPriority = new IoPriority { Class = "IOPRIO_CLASS_NONE" } })),
            Does.StartWith("config.json: process.ioPriority.class: unknown class \"IOPRIO_CLASS_NONE\""));
        Assert.That(ErrorOf(With(PlannerInput.Minimal() with { IoPriority = new IoPriority { Class = "IOPRIO_CLASS_BE", Priority = 8 } })),
            Is.EqualTo("config.json: process.ioPriority.priority: 8 is out of range (0 to 7)"));
    }

    [Test]
    public void IoClassesMatchTheKernelHeader()
    {
        const string header = "/usr/include/linux/ioprio.h";
        if (!File.Exists(header))
            Assert.Ignore(header + " not installed");
        string text = File.ReadAllText(header);
        // The header declares the classes as an enum starting at IOPRIO_CLASS_NONE = 0.
        var names = Regex.Matches(text, @"\b(IOPRIO_CLASS_(?:NONE|RT|BE|IDLE))\b").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(names.Take(4), Is.EqualTo(new[] { "IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE" }));
        foreach (var (name, value) in ProcessAttributesPlanner.IoClasses)
            Assert.That(names.IndexOf(name), Is.EqualTo(value), name);
        Assert.That(text, Does.Match(@"#define\s+IOPRIO_CLASS_SHIFT\s+" + ProcessAttributesPlanner.IoClassShift + @"\b"));
    }

    [Test]
    public void SchedulerTablesMatchTheKernelHeader()
    {
        const string header = "/usr/include/linux/sched.h";
        if (!File.Exists(header))
            Assert.Ignore(header + " not installed");
        var defines = new Dictionary<string, ulong>();
        foreach (Match m in Regex.Matches(File.ReadAllText(header), @"#define\s+(SCHED_[A-Z_]+)\s+(0x[0-9a-fA-F]+|\d+)\s*$", RegexOptions.Multiline))
            defines[m.Groups[1].Value] = Convert.ToUInt64(m.Groups[2].Value, m.Groups[2].Value.StartsWith("0x", StringComparison.Ordinal) ? 16 : 10);
        foreach (var (name, value) in ProcessAttributesPlanner.SchedulerFlags)
            Assert.That(defines[name], Is.EqualTo(value), name);
        foreach (var (name, value) in ProcessAttributesPlanner.Policies)
        {
            // The header calls SCHED_OTHER SCHED_NORMAL and reserves 4 for SCHED_ISO without defining it.
            string key = name == "SCHED_OTHER" ? "SCHED_NORMAL" : name;
            if (name != "SCHED_ISO")
                Assert.That(defines[key], Is.EqualTo(value), name);
        }
    }

    [Test]
    public void SchedulerAllFieldsAndFlags()
    {
        var plan = ProcessAttributesPlanner.Plan(Sched(new Scheduler
        {
            Policy = "SCHED_DEADLINE",
            Flags = ["SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_RECLAIM", "SCHED_FLAG_DL_OVERRUN", "SCHED_FLAG_KEEP_POLICY", "SCHED_FLAG_KEEP_PARAMS", "SCHED_FLAG_UTIL_CLAMP_MIN", "SCHED_FLAG_UTIL_CLAMP_MAX"],
            Runtime = 10_000_000,
            Deadline = 20_000_000,
            Period = 30_000_000,
        }));
        Assert.That(plan.Scheduler, Is.EqualTo(new SchedulerAttributes(6, 0x7f, 0, 0, 10_000_000, 20_000_000, 30_000_000)));
        Assert.That(ProcessAttributesPlanner.Plan(Sched(new Scheduler { Policy = "SCHED_FIFO", Priority = 50 })).Scheduler,
            Is.EqualTo(new SchedulerAttributes(1, 0, 0, 50, 0, 0, 0)));
        Assert.That(ProcessAttributesPlanner.Plan(Sched(new Scheduler { Policy = "SCHED_BATCH", Nice = -5 })).Scheduler,
            Is.EqualTo(new SchedulerAttributes(3, 0, -5, 0, 0, 0, 0)));
    }

    [TestCase("SCHED_RT", 0, 0, 0ul, 0ul, "config.json: process.scheduler.policy: unknown policy \"SCHED_RT\"")]
    [TestCase("SCHED_OTHER", 20, 0, 0ul, 0ul, "config.json: process.scheduler.nice: 20 is out of range (-20 to 19)")]
    [TestCase("SCHED_OTHER", -21, 0, 0ul, 0ul, "config.json: process.scheduler.nice: -21 is out of range (-20 to 19)")]
    [TestCase("SCHED_OTHER", 0, 5, 0ul, 0ul, "config.json: process.scheduler.priority: can only be set for SCHED_FIFO or SCHED_RR, not SCHED_OTHER")]
    [TestCase("SCHED_RR", 0, 0, 0ul, 0ul, "config.json: process.scheduler.priority: 0 is out of range for SCHED_RR (1 to 99)")]
    [TestCase("SCHED_FIFO", 0, 100, 0ul, 0ul, "config.json: process.scheduler.priority: 100 is out of range for SCHED_FIFO (1 to 99)")]
    [TestCase("SCHED_IDLE", 0, 0, 5ul, 0ul, "config.json: process.scheduler: runtime, deadline and period can only be set for SCHED_DEADLINE, not SCHED_IDLE")]
    [TestCase("SCHED_DEADLINE", 0, 0, 0ul, 0ul, "config.json: process.scheduler: SCHED_DEADLINE needs runtime and deadline")]
    [TestCase("SCHED_DEADLINE", 0, 0, 20ul, 10ul, "config.json: process.scheduler.runtime: 20 is greater than deadline 10")]
    public void SchedulerErrors(string policy, int nice, int priority, ulong runtime, ulong deadline, string expected) =>
        Assert.That(ErrorOf(Sched(new Scheduler { Policy = policy, Nice = nice, Priority = priority, Runtime = runtime, Deadline = deadline })), Is.EqualTo(expected));

    [Test]
    public void SchedulerUnknownFlagAndDeadlineAbovePeriod()
    {
        Assert.That(ErrorOf(Sched(new Scheduler { Policy = "SCHED_OTHER", Flags = ["SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_X"] })),
            Is.EqualTo("config.json: process.scheduler.flags[1]: unknown flag \"SCHED_FLAG_X\""));
        Assert.That(ErrorOf(Sched(new Scheduler { Policy = "SCHED_DEADLINE", Runtime = 1, Deadline = 10, Period = 5 })),
            Is.EqualTo("config.json: process.scheduler.deadline: 10 is greater than period 5"));
    }

    [Test]
    public void SetupAppliesPersonalitySchedulerThenIoPriority()
    {
        var sys = new FakeProcessSyscalls();
        new ProcessSetup(sys).ApplyProcessAttributes(new ProcessAttributesPlan
        {
            Personality = 8,
            IoPriority = 0x4004,
            Scheduler = new SchedulerAttributes(2, 1, 0, 10, 0, 0, 0),
            ExecCpuAffinityInitial = [1],
        });
        // execCPUAffinity is not for the init (config.md): nothing sets it here.
        Assert.That(sys.Calls, Is.EqualTo(new[] { "personality 8", "sched_setattr 2 1 0 10 0 0 0", "ioprio 4004" }));
        var none = new FakeProcessSyscalls();
        new ProcessSetup(none).ApplyProcessAttributes(new ProcessAttributesPlan());
        Assert.That(none.Calls, Is.Empty);
    }

    [Test]
    public void ExecCpuAffinityIsParsedAndCheckedInCreate()
    {
        var plan = ProcessAttributesPlanner.Plan(With(PlannerInput.Minimal() with { ExecCpuAffinity = new ExecCpuAffinity { Initial = "0-1,3", Final = "" } }));
        Assert.That(plan.ExecCpuAffinityInitial, Is.EqualTo(new ulong[] { 0b1011 }));
        Assert.That(plan.ExecCpuAffinityFinal, Is.Null);
        Assert.That(ErrorOf(With(PlannerInput.Minimal() with { ExecCpuAffinity = new ExecCpuAffinity { Final = "1-x" } })),
            Is.EqualTo("config.json: process.execCPUAffinity.final: invalid cpu list \"1-x\""));
    }
}
