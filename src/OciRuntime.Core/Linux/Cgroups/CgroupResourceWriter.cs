using System;
using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Applies planned <see cref="CgroupSetting"/>s to a container's directories:
/// the kernel-dependent choices (file variants, write order) live here, the
/// values were fixed by the planners.
/// </summary>
internal static class CgroupResourceWriter
{
    // Files the kernel has dropped over time; a limit on them is a no-op
    // there, as runc treats it (kmem limits went away in Linux 6.1+).
    private static readonly HashSet<string> DroppedByKernel = ["memory.kmem.limit_in_bytes", "memory.kmem.tcp.limit_in_bytes"];

    public static void Apply(ICgroupFiles files, IReadOnlyList<CgroupSetting> settings, Func<string, string?> dirOf)
    {
        var ordered = OrderMemory(files, settings, dirOf);
        foreach (var s in ordered)
        {
            var dir = dirOf(s.Controller) ?? throw new RuntimeException($"{s.Origin}: {s.JsonPath}: the {s.Controller} cgroup controller is not available");
            var file = dir + "/" + s.File;
            if (!files.FileExists(file))
            {
                if (DroppedByKernel.Contains(s.File))
                    continue;
                // Hosts with the BFQ scheduler only expose its own weight file.
                var bfq = s.File.Replace("blkio.", "blkio.bfq.", StringComparison.Ordinal);
                if (s.File.StartsWith("blkio.weight", StringComparison.Ordinal) && files.FileExists(dir + "/" + bfq))
                    file = dir + "/" + bfq;
                else
                    throw new RuntimeException($"{s.Origin}: {s.JsonPath}: `{files.FullPath(file)}` does not exist (controller not enabled, or not supported by this kernel)");
            }
            try
            {
                files.WriteFile(file, s.Value);
            }
            catch (SyscallException e)
            {
                throw new RuntimeException($"{s.Origin}: {s.JsonPath}: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// v1 refuses memory.limit_in_bytes above memory.memsw.limit_in_bytes and
    /// the reverse, each checked against the other's current value: raising
    /// both must write memsw first, lowering both the limit first.
    /// </summary>
    private static IReadOnlyList<CgroupSetting> OrderMemory(ICgroupFiles files, IReadOnlyList<CgroupSetting> settings, Func<string, string?> dirOf)
    {
        int limit = -1, memsw = -1;
        for (int i = 0; i < settings.Count; i++)
        {
            if (settings[i].File == "memory.limit_in_bytes")
                limit = i;
            else if (settings[i].File == "memory.memsw.limit_in_bytes")
                memsw = i;
        }
        if (limit < 0 || memsw < 0 || dirOf("memory") is not { } dir)
            return settings;
        var current = dir + "/memory.limit_in_bytes";
        if (!files.FileExists(current) || !ulong.TryParse(files.ReadFile(current).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var now))
            return settings;
        var swap = long.Parse(settings[memsw].Value, CultureInfo.InvariantCulture);
        var swapFirst = swap == -1 || now < (ulong)swap;
        if (swapFirst == memsw < limit)
            return settings;
        var result = new List<CgroupSetting>(settings);
        (result[limit], result[memsw]) = (result[memsw], result[limit]);
        return result;
    }
}
