using System;
using System.Globalization;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>The kernel's cpu list format ("0-3,7"), as cpuset.cpus and process.execCPUAffinity use it.</summary>
public static class CpuList
{
    /// <summary>The largest CPU number accepted; a cpu_set_t of glibc holds 1024.</summary>
    public const int MaxCpu = 1023;

    /// <summary>
    /// Parses a list into a sched_setaffinity mask (bit n of word n/64 is CPU n).
    /// Null or blank means "not set" and returns null. Throws a one-line
    /// <see cref="RuntimeException"/> naming <paramref name="where"/>.
    /// </summary>
    public static ulong[]? Parse(string? list, string where)
    {
        if (string.IsNullOrWhiteSpace(list))
            return null;
        var mask = new ulong[(MaxCpu + 1) / 64];
        int highest = -1;
        foreach (var part in list.Split(','))
        {
            var item = part.Trim();
            int dash = item.IndexOf('-', StringComparison.Ordinal);
            int first, last;
            if (dash < 0)
            {
                first = last = Number(item, list, where);
            }
            else
            {
                first = Number(item[..dash], list, where);
                last = Number(item[(dash + 1)..], list, where);
                if (last < first)
                    throw new RuntimeException($"{where}: invalid range \"{item}\" in \"{list}\"");
            }
            for (int cpu = first; cpu <= last; cpu++)
                mask[cpu / 64] |= 1UL << (cpu % 64);
            highest = Math.Max(highest, last);
        }
        // Only the words up to the highest CPU: a shorter mask is what
        // sched_setaffinity(2) expects for the CPUs a machine actually has.
        return mask.AsSpan(0, highest / 64 + 1).ToArray();
    }

    private static int Number(string text, string list, string where)
    {
        if (text.Length == 0 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new RuntimeException($"{where}: invalid cpu list \"{list}\"");
        if (n > MaxCpu)
            throw new RuntimeException($"{where}: cpu {n} in \"{list}\" is above the supported maximum {MaxCpu}");
        return n;
    }
}
