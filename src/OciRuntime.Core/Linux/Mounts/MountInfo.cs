using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>Parsing of /proc/PID/mountinfo and the questions the mount code asks of it.</summary>
public static class MountInfo
{
    public static IReadOnlyList<MountInfoEntry> Parse(string text)
    {
        var result = new List<MountInfoEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            int dash = Array.IndexOf(fields, "-", 6);
            if (dash < 0 || dash + 2 >= fields.Length)
                continue;
            var optional = new List<string>();
            for (int i = 6; i < dash; i++)
                optional.Add(fields[i]);
            result.Add(new MountInfoEntry(
                int.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                Unescape(fields[3]),
                Unescape(fields[4]),
                optional,
                fields[dash + 1],
                Unescape(fields[dash + 2]),
                dash + 3 < fields.Length ? fields[dash + 3] : ""));
        }
        return result;
    }

    /// <summary>The mount a path lives on: the last-listed entry whose mount point is the longest prefix of it.</summary>
    public static MountInfoEntry? MountContaining(IReadOnlyList<MountInfoEntry> entries, string path)
    {
        MountInfoEntry? best = null;
        foreach (var e in entries)
        {
            bool contains = e.MountPoint == "/" || path == e.MountPoint || path.StartsWith(e.MountPoint + "/", StringComparison.Ordinal);
            if (contains && (best == null || e.MountPoint.Length >= best.MountPoint.Length))
                best = e;
        }
        return best;
    }

    /// <summary>The kernel escapes space, tab, newline and backslash as \ooo octal.</summary>
    static string Unescape(string s)
    {
        if (!s.Contains('\\'))
            return s;
        var bytes = new List<byte>();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && IsOctal(s, i + 1))
            {
                bytes.Add((byte)Convert.ToInt32(s.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    static bool IsOctal(string s, int start)
    {
        if (start + 3 > s.Length)
            return false;
        for (int i = start; i < start + 3; i++)
            if (s[i] < '0' || s[i] > '7')
                return false;
        return true;
    }
}
