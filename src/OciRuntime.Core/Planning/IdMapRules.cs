using System.Collections.Generic;
using System.Linq;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// What the kernel accepts in uid_map/gid_map (user_namespaces(7)), checked
/// before anything exists so a bad map fails `create` with one line naming
/// the JSON path, instead of an EINVAL from a write to /proc/PID/uid_map.
/// </summary>
public static class IdMapRules
{
    /// <summary>The kernel's limit on lines per map since Linux 4.15.</summary>
    public const int MaxLines = 340;

    /// <summary>Errors as (JSON path, rule) pairs; empty when the list is acceptable.</summary>
    public static IEnumerable<(string Path, string Rule)> Check(IReadOnlyList<IdMapping>? maps, string at)
    {
        if (maps is null || maps.Count == 0)
            yield break;
        if (maps.Count > MaxLines)
            yield return (at, $"{maps.Count} mappings, the kernel accepts at most {MaxLines}");
        for (int i = 0; i < maps.Count; i++)
        {
            var m = maps[i];
            if (m.Size == 0)
                continue; // reported by the schema-level check of linux.*Mappings
            if ((ulong)m.ContainerId + m.Size > uint.MaxValue + 1UL)
                yield return ($"{at}[{i}]", $"containerID {m.ContainerId} + size {m.Size} exceeds the 32-bit id space");
            if ((ulong)m.HostId + m.Size > uint.MaxValue + 1UL)
                yield return ($"{at}[{i}]", $"hostID {m.HostId} + size {m.Size} exceeds the 32-bit id space");
            for (int j = 0; j < i; j++)
            {
                var o = maps[j];
                if (o.Size == 0)
                    continue;
                if (Overlaps(m.ContainerId, m.Size, o.ContainerId, o.Size))
                    yield return ($"{at}[{i}]", $"container ids {Range(m.ContainerId, m.Size)} overlap {at}[{j}] ({Range(o.ContainerId, o.Size)})");
                if (Overlaps(m.HostId, m.Size, o.HostId, o.Size))
                    yield return ($"{at}[{i}]", $"host ids {Range(m.HostId, m.Size)} overlap {at}[{j}] ({Range(o.HostId, o.Size)})");
            }
        }
    }

    /// <summary>Every id-mapping rule of a config: the user namespace's maps and each mount's.</summary>
    public static IReadOnlyList<(string Path, string Rule)> CheckConfig(ContainerConfig config)
    {
        var errors = new List<(string, string)>();
        errors.AddRange(Check(config.Linux?.UidMappings, "linux.uidMappings"));
        errors.AddRange(Check(config.Linux?.GidMappings, "linux.gidMappings"));
        var mounts = config.Mounts ?? [];
        bool userns = config.Linux?.Namespaces?.Any(n => n.Type == "user") ?? false;
        for (int i = 0; i < mounts.Length; i++)
        {
            var m = mounts[i];
            string at = $"mounts[{i}]";
            errors.AddRange(Check(m.UidMappings, at + ".uidMappings"));
            errors.AddRange(Check(m.GidMappings, at + ".gidMappings"));
            bool hasUid = m.UidMappings is { Length: > 0 }, hasGid = m.GidMappings is { Length: > 0 };
            if (hasUid != hasGid)
                errors.Add(($"{at}.{(hasUid ? "gidMappings" : "uidMappings")}", "required with " + (hasUid ? "uidMappings" : "gidMappings") + " (config.md)"));
            var (_, idmap, _) = IdMapOptions.Extract(m.Options);
            if (!idmap && !hasUid && !hasGid)
                continue;
            bool bind = m.Type == "bind" || (m.Options?.Any(o => o is "bind" or "rbind") ?? false);
            if (!bind)
                errors.Add(($"{at}.options", "id-mapped mounts are supported for bind mounts only"));
            if (!hasUid && !hasGid && !userns)
                errors.Add(($"{at}.options", "\"idmap\" without uidMappings/gidMappings needs a user namespace to take the mapping from"));
        }
        return errors;
    }

    static bool Overlaps(uint a, uint aSize, uint b, uint bSize) =>
        (ulong)a < (ulong)b + bSize && (ulong)b < (ulong)a + aSize;

    static string Range(uint first, uint size) => size == 1 ? $"{first}" : $"{first}-{(ulong)first + size - 1}";
}
