using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// The planned cgroup writes that systemd has unit properties for
/// (systemd.resource-control(5)). systemd owns these values for the unit
/// and writes them again on its own (daemon-reload, other units' changes),
/// so it must know them; the files are still written directly afterwards
/// for the exact values and everything systemd has no property for.
/// </summary>
public static class SystemdResourceProperties
{
    /// <summary>systemd's "infinity" for limits.</summary>
    public const ulong Infinity = ulong.MaxValue;

    private const ulong DefaultPeriodUs = 100_000;

    public static IReadOnlyList<SystemdProperty> From(IReadOnlyList<CgroupSetting> settings)
    {
        var props = new List<SystemdProperty>();
        var byFile = settings.GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        string? Get(string file) => byFile.TryGetValue(file, out var v) ? v : null;

        // cgroup v2 files.
        if (Get("memory.max") is { } memoryMax)
            props.Add(SystemdProperty.UInt64("MemoryMax", Limit(memoryMax)));
        if (Get("memory.low") is { } memoryLow)
            props.Add(SystemdProperty.UInt64("MemoryLow", Limit(memoryLow)));
        if (Get("memory.swap.max") is { } swapMax)
            props.Add(SystemdProperty.UInt64("MemorySwapMax", Limit(swapMax)));
        if (Get("cpu.weight") is { } weight)
            props.Add(SystemdProperty.UInt64("CPUWeight", Num(weight)));
        if (Get("cpu.max") is { } cpuMax)
        {
            var words = cpuMax.Split(' ');
            var period = words.Length > 1 ? Num(words[1]) : DefaultPeriodUs;
            AddQuota(props, words[0] == "max" ? null : (long?)Num(words[0]), period);
        }
        if (settings.FirstOrDefault(s => s.File == "io.weight" && s.Value.StartsWith("default ", StringComparison.Ordinal)) is { } ioWeight)
            props.Add(SystemdProperty.UInt64("IOWeight", Num(ioWeight.Value["default ".Length..])));

        // cgroup v1 files.
        if (Get("memory.limit_in_bytes") is { } memoryLimit)
            props.Add(SystemdProperty.UInt64("MemoryLimit", Limit(memoryLimit)));
        if (Get("cpu.shares") is { } shares)
            props.Add(SystemdProperty.UInt64("CPUShares", Num(shares)));
        if (Get("cpu.cfs_quota_us") is { } quota)
        {
            var period = Get("cpu.cfs_period_us") is { } p ? Num(p) : DefaultPeriodUs;
            AddQuota(props, quota.StartsWith('-') ? null : (long?)Num(quota), period);
        }
        if (Get("blkio.weight") is { } blkioWeight)
            props.Add(SystemdProperty.UInt64("BlockIOWeight", Num(blkioWeight)));

        // Both versions.
        if (Get("pids.max") is { } pidsMax)
            props.Add(SystemdProperty.UInt64("TasksMax", Limit(pidsMax)));
        return props;
    }

    /// <summary>
    /// systemd takes a quota as CPU time per second, which it applies in
    /// steps of 10ms: round up, so the limit systemd writes is never below
    /// the asked one (the exact value follows in the cgroup file).
    /// </summary>
    private static void AddQuota(List<SystemdProperty> props, long? quotaUs, ulong periodUs)
    {
        if (periodUs == 0)
            return;
        ulong perSec = Infinity;
        if (quotaUs is { } q and > 0)
        {
            perSec = (ulong)q * 1_000_000 / periodUs;
            if (perSec % 10_000 != 0)
                perSec = (perSec / 10_000 + 1) * 10_000;
        }
        props.Add(SystemdProperty.UInt64("CPUQuotaPerSecUSec", perSec));
        props.Add(SystemdProperty.UInt64("CPUQuotaPeriodUSec", periodUs));
    }

    private static ulong Limit(string value) =>
        value is "max" or "-1" ? Infinity : Num(value);

    /// <summary>The planners write plain decimal numbers; anything else is a bug worth a clear message.</summary>
    private static ulong Num(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new RuntimeException($"systemd cgroup driver: \"{value}\" is not a number it can pass to systemd");
}
