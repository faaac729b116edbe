using System;
using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// config.json -> <see cref="ProcessAttributesPlan"/>, pure. Errors are one
/// line naming the JSON path. The checks are runc's (validator.go) plus the
/// kernel's own range rules, so that a bad value fails `create` with its
/// field named instead of a bare EINVAL from the init.
/// </summary>
public static class ProcessAttributesPlanner
{
    /// <summary>uapi/linux/personality.h.</summary>
    public static readonly IReadOnlyDictionary<string, uint> Domains = new Dictionary<string, uint>(StringComparer.Ordinal)
    {
        ["LINUX"] = 0x0000,
        ["LINUX32"] = 0x0008,
    };

    /// <summary>uapi/linux/ioprio.h classes.</summary>
    public static readonly IReadOnlyDictionary<string, int> IoClasses = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["IOPRIO_CLASS_RT"] = 1,
        ["IOPRIO_CLASS_BE"] = 2,
        ["IOPRIO_CLASS_IDLE"] = 3,
    };

    public const int IoClassShift = 13;

    /// <summary>uapi/linux/sched.h policies. SCHED_ISO is reserved and unimplemented by mainline kernels; sched_setattr refuses it.</summary>
    public static readonly IReadOnlyDictionary<string, uint> Policies = new Dictionary<string, uint>(StringComparer.Ordinal)
    {
        ["SCHED_OTHER"] = 0,
        ["SCHED_FIFO"] = 1,
        ["SCHED_RR"] = 2,
        ["SCHED_BATCH"] = 3,
        ["SCHED_ISO"] = 4,
        ["SCHED_IDLE"] = 5,
        ["SCHED_DEADLINE"] = 6,
    };

    /// <summary>uapi/linux/sched.h SCHED_FLAG_*.</summary>
    public static readonly IReadOnlyDictionary<string, ulong> SchedulerFlags = new Dictionary<string, ulong>(StringComparer.Ordinal)
    {
        ["SCHED_FLAG_RESET_ON_FORK"] = 0x01,
        ["SCHED_FLAG_RECLAIM"] = 0x02,
        ["SCHED_FLAG_DL_OVERRUN"] = 0x04,
        ["SCHED_FLAG_KEEP_POLICY"] = 0x08,
        ["SCHED_FLAG_KEEP_PARAMS"] = 0x10,
        ["SCHED_FLAG_UTIL_CLAMP_MIN"] = 0x20,
        ["SCHED_FLAG_UTIL_CLAMP_MAX"] = 0x40,
    };

    public static ProcessAttributesPlan Plan(ContainerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ProcessAttributesPlan
        {
            Personality = PlanPersonality(config.Linux?.Personality),
            IoPriority = PlanIoPriority(config.Process?.IoPriority),
            Scheduler = PlanScheduler(config.Process?.Scheduler),
            ExecCpuAffinityInitial = CpuList.Parse(config.Process?.ExecCpuAffinity?.Initial, "config.json: process.execCPUAffinity.initial"),
            ExecCpuAffinityFinal = CpuList.Parse(config.Process?.ExecCpuAffinity?.Final, "config.json: process.execCPUAffinity.final"),
        };
    }

    private static uint? PlanPersonality(Personality? personality)
    {
        if (personality is null)
            return null;
        if (!Domains.TryGetValue(personality.Domain, out var domain))
            throw Error("linux.personality.domain", $"unknown domain \"{personality.Domain}\" (LINUX or LINUX32)");
        // config-linux.md: "Currently no flag values are supported."
        if (personality.Flags is { Length: > 0 } flags)
            throw Error("linux.personality.flags[0]", $"\"{flags[0]}\" is not supported (the spec defines no personality flags)");
        return domain;
    }

    private static int? PlanIoPriority(IoPriority? io)
    {
        if (io is null)
            return null;
        if (!IoClasses.TryGetValue(io.Class, out var cls))
            throw Error("process.ioPriority.class", $"unknown class \"{io.Class}\" (IOPRIO_CLASS_RT, IOPRIO_CLASS_BE or IOPRIO_CLASS_IDLE)");
        if (io.Priority is < 0 or > 7)
            throw Error("process.ioPriority.priority", $"{io.Priority} is out of range (0 to 7)");
        return cls << IoClassShift | io.Priority;
    }

    private static SchedulerAttributes? PlanScheduler(Scheduler? s)
    {
        if (s is null)
            return null;
        if (!Policies.TryGetValue(s.Policy, out var policy))
            throw Error("process.scheduler.policy", $"unknown policy \"{s.Policy}\"");
        ulong flags = 0;
        var names = s.Flags ?? [];
        for (int i = 0; i < names.Length; i++)
        {
            if (!SchedulerFlags.TryGetValue(names[i], out var bit))
                throw Error($"process.scheduler.flags[{i}]", $"unknown flag \"{names[i]}\"");
            flags |= bit;
        }
        if (s.Nice is < -20 or > 19)
            throw Error("process.scheduler.nice", $"{s.Nice} is out of range (-20 to 19)");

        bool realtime = s.Policy is "SCHED_FIFO" or "SCHED_RR";
        if (realtime && s.Priority is < 1 or > 99)
            throw Error("process.scheduler.priority", $"{s.Priority} is out of range for {s.Policy} (1 to 99)");
        if (!realtime && s.Priority != 0)
            throw Error("process.scheduler.priority", $"can only be set for SCHED_FIFO or SCHED_RR, not {s.Policy}");

        if (s.Policy == "SCHED_DEADLINE")
        {
            // sched(7): runtime <= deadline <= period; a zero period means "equal to deadline".
            if (s.Runtime == 0 || s.Deadline == 0)
                throw Error("process.scheduler", "SCHED_DEADLINE needs runtime and deadline");
            if (s.Runtime > s.Deadline)
                throw Error("process.scheduler.runtime", $"{s.Runtime} is greater than deadline {s.Deadline}");
            if (s.Period != 0 && s.Deadline > s.Period)
                throw Error("process.scheduler.deadline", $"{s.Deadline} is greater than period {s.Period}");
        }
        else if (s.Runtime != 0 || s.Deadline != 0 || s.Period != 0)
        {
            throw Error("process.scheduler", $"runtime, deadline and period can only be set for SCHED_DEADLINE, not {s.Policy}");
        }
        return new SchedulerAttributes(policy, flags, s.Nice, (uint)s.Priority, s.Runtime, s.Deadline, s.Period);
    }

    private static RuntimeException Error(string path, string rule) => new($"config.json: {path}: {rule}");
}
