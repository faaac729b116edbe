using System;
using System.Collections.Generic;
using System.Globalization;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// /etc/subuid and /etc/subgid (subuid(5)): "name-or-uid:first:count" lines
/// granting a user ranges of host ids that newuidmap/newgidmap will map.
/// </summary>
public static class SubordinateIds
{
    /// <summary>The ranges <paramref name="text"/> grants to the user, matched by name or by number.</summary>
    public static IReadOnlyList<(uint First, uint Count)> Ranges(string text, string user, uint id)
    {
        var number = id.ToString(CultureInfo.InvariantCulture);
        var result = new List<(uint, uint)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var f = line.Split(':');
            if (f.Length != 3 || (f[0] != user && f[0] != number))
                continue;
            if (uint.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                && uint.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
                result.Add((first, count));
        }
        return result;
    }

    /// <summary>True when [first, first+size) lies inside one granted range.</summary>
    public static bool Covers(IReadOnlyList<(uint First, uint Count)> ranges, uint first, uint size)
    {
        foreach (var (f, c) in ranges)
            if (first >= f && (ulong)first + size <= (ulong)f + c)
                return true;
        return false;
    }

    public static string Describe(IReadOnlyList<(uint First, uint Count)> ranges) =>
        ranges.Count == 0 ? "none" : string.Join(", ", ConvertAll(ranges));

    static IEnumerable<string> ConvertAll(IReadOnlyList<(uint First, uint Count)> ranges)
    {
        foreach (var (f, c) in ranges)
            yield return $"{f}-{(ulong)f + c - 1}";
    }
}
