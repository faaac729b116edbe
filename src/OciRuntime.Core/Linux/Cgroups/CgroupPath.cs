using System;
using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>linux.cgroupsPath, checked and lexically cleaned (config-linux.md "Cgroups Path").</summary>
public sealed record CgroupPath(bool IsAbsolute, IReadOnlyList<string> Segments)
{
    /// <summary>"/a/b" or "a/b".</summary>
    public override string ToString() => (IsAbsolute ? "/" : "") + string.Join('/', Segments);

    /// <summary>"a/b" without the leading slash, for joining under a hierarchy directory.</summary>
    public string Relative => string.Join('/', Segments);

    public static CgroupPath Parse(string value)
    {
        // The systemd driver's "slice:prefix:name" form contains no '/' and exactly two colons.
        if (!value.Contains('/') && value.Split(':').Length == 3)
        {
            throw new RuntimeException(
                $"config.json: linux.cgroupsPath: \"{value}\" is a systemd slice:prefix:name path, which needs --systemd-cgroup");
        }

        var segments = new List<string>();
        foreach (var part in value.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                // Lexical ".." above the start would place the container
                // outside the subtree the path promises (e.g. into a sibling's cgroup).
                if (segments.Count == 0)
                    throw new RuntimeException($"config.json: linux.cgroupsPath: \"{value}\" escapes its cgroup hierarchy with \"..\"");
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(part);
        }
        if (segments.Count == 0)
            throw new RuntimeException($"config.json: linux.cgroupsPath: \"{value}\" names no cgroup below the root");
        return new CgroupPath(value.StartsWith('/'), segments);
    }
}
