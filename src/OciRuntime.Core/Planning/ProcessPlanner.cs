using System;
using System.Collections.Generic;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>config.json process -> <see cref="ProcessPlan"/>, without side effects.</summary>
public static class ProcessPlanner
{
    /// <summary>runc applies 0022 when process.user.umask is unset.</summary>
    public const uint DefaultUmask = 0x12; // 0022

    /// <param name="process">config.json's process object.</param>
    /// <param name="lastCap">
    /// /proc/sys/kernel/cap_last_cap of the host kernel, read before the init
    /// pivots (see <see cref="Linux.Capabilities.KernelCapabilities.ReadLastCap"/>).
    /// </param>
    public static ProcessPlan Plan(Process process, int lastCap)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (lastCap < 0 || lastCap > 63)
            throw new ArgumentOutOfRangeException(nameof(lastCap), lastCap, "cap_last_cap must be within 0..63");

        if (process.Args is null || process.Args.Length == 0)
            throw new RuntimeException("config.json: process.args: must not be empty");
        if (process.Cwd.Length == 0 || process.Cwd[0] != '/')
            throw new RuntimeException($"config.json: process.cwd: must be an absolute path, got \"{process.Cwd}\"");

        var warnings = new List<string>();
        string[] env = ProcessEnvironment.Prepare(process.Env, out bool hasHome, out string? pathValue);

        return new ProcessPlan
        {
            Uid = process.User.Uid,
            Gid = process.User.Gid,
            AdditionalGids = process.User.AdditionalGids ?? [],
            Umask = process.User.Umask ?? DefaultUmask,
            Capabilities = PlanCapabilities(process.Capabilities, lastCap, warnings),
            Rlimits = PlanRlimits(process.Rlimits),
            OomScoreAdj = process.OomScoreAdj,
            NoNewPrivileges = process.NoNewPrivileges,
            Args = process.Args,
            Env = env,
            HasHome = hasHome,
            PathEnv = pathValue,
            Cwd = process.Cwd,
            Warnings = warnings,
        };
    }

    private static CapabilityPlan? PlanCapabilities(Capabilities? caps, int lastCap, List<string> warnings)
    {
        if (caps is null)
            return null;
        return new CapabilityPlan(
            Bounding: Mask(caps.Bounding, "bounding", lastCap, warnings),
            Effective: Mask(caps.Effective, "effective", lastCap, warnings),
            Permitted: Mask(caps.Permitted, "permitted", lastCap, warnings),
            Inheritable: Mask(caps.Inheritable, "inheritable", lastCap, warnings),
            Ambient: Mask(caps.Ambient, "ambient", lastCap, warnings),
            LastCap: lastCap);
    }

    /// <summary>
    /// Spec (config.md, Linux process): a capability that cannot be mapped to a
    /// kernel interface MUST be logged as a warning and SHOULD NOT fail the
    /// container; runc likewise ignores unknown and kernel-unsupported names.
    /// </summary>
    private static ulong Mask(string[]? names, string set, int lastCap, List<string> warnings)
    {
        if (names is null)
            return 0;
        ulong mask = 0;
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            string where = $"config.json: process.capabilities.{set}[{i}]";
            if (!CapabilityNames.TryGetNumber(name, out int number))
                warnings.Add($"{where}: unknown capability \"{name}\"");
            else if (number > lastCap)
                warnings.Add($"{where}: capability \"{name}\" is not supported by the running kernel (cap_last_cap is {lastCap})");
            else
                mask |= 1UL << number;
        }
        return mask;
    }

    private static RlimitPlan[] PlanRlimits(Rlimit[]? rlimits)
    {
        if (rlimits is null)
            return [];
        var plans = new RlimitPlan[rlimits.Length];
        var seen = new HashSet<int>();
        for (int i = 0; i < rlimits.Length; i++)
        {
            var r = rlimits[i];
            string where = $"config.json: process.rlimits[{i}]";
            if (!RlimitNames.TryGetNumber(r.Type, out int resource))
                throw new RuntimeException($"{where}.type: unknown resource limit \"{r.Type}\"");
            // Spec: duplicated entries with the same type MUST be an error.
            if (!seen.Add(resource))
                throw new RuntimeException($"{where}.type: duplicate resource limit \"{r.Type}\"");
            // setrlimit(2) refuses soft > hard with EINVAL; say so while the config is at hand.
            if (r.Soft > r.Hard)
                throw new RuntimeException($"{where}: soft limit {r.Soft} is greater than hard limit {r.Hard} for {r.Type}");
            plans[i] = new RlimitPlan(resource, r.Type, r.Soft, r.Hard);
        }
        return plans;
    }
}
