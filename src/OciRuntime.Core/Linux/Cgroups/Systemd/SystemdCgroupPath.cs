using System;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// linux.cgroupsPath for the systemd driver, "slice:prefix:name"
/// (config-linux.md "Cgroups Path" leaves the form to the runtime; this is
/// runc's): the unit "prefix-name.scope" in the slice, or the slice unit
/// "name" when it ends in ".slice".
/// </summary>
/// <param name="Slice">The parent slice unit, "system.slice" when the path leaves it empty.</param>
/// <param name="Unit">The unit systemd creates for the container.</param>
public sealed record SystemdCgroupPath(string Slice, string Unit)
{
    public const string DefaultSlice = "system.slice";
    public const string DefaultPrefix = "ociruntime";

    public bool IsSlice => Unit.EndsWith(".slice", StringComparison.Ordinal);

    /// <summary>The unit's cgroup below the hierarchy root, "/system.slice/ociruntime-ID.scope", where systemd puts it.</summary>
    public string CgroupDirectory => IsSlice ? ExpandSlice(Unit) : Join(ExpandSlice(Slice), Unit);

    /// <summary>runc's choice when linux.cgroupsPath is unset, with this runtime's prefix.</summary>
    public static string DefaultPath(string id) => $"{DefaultSlice}:{DefaultPrefix}:{id}";

    public static SystemdCgroupPath Parse(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3)
            throw Bad(value, "expected the systemd form \"slice:prefix:name\"");
        var (slice, prefix, name) = (parts[0], parts[1], parts[2]);
        if (name.Length == 0)
            throw Bad(value, "the name part is empty");
        foreach (var part in parts)
        {
            if (part.Contains('/') || part == "." || part == "..")
                throw Bad(value, "a part contains '/' or is \".\" or \"..\"");
        }
        if (slice.Length == 0)
            slice = DefaultSlice;
        Validate(value, slice);
        string unit;
        if (name.EndsWith(".slice", StringComparison.Ordinal))
        {
            Validate(value, name);
            unit = name;
        }
        else
        {
            unit = (prefix.Length == 0 ? name : prefix + "-" + name) + ".scope";
        }
        return new SystemdCgroupPath(slice, unit);
    }

    /// <summary>
    /// A slice's cgroup: each '-' separated prefix is a parent slice, so
    /// "a-b-c.slice" is "/a.slice/a-b.slice/a-b-c.slice"; "-.slice" is the
    /// root (systemd.slice(5)).
    /// </summary>
    public static string ExpandSlice(string slice)
    {
        var name = slice[..^".slice".Length];
        if (name == "-")
            return "/";
        var path = "";
        var prefix = "";
        foreach (var component in name.Split('-'))
        {
            path += "/" + prefix + component + ".slice";
            prefix += component + "-";
        }
        return path;
    }

    private static void Validate(string value, string slice)
    {
        if (!slice.EndsWith(".slice", StringComparison.Ordinal) || slice.Length == ".slice".Length)
            throw Bad(value, $"\"{slice}\" is not a slice unit name (it must end in \".slice\")");
        var name = slice[..^".slice".Length];
        if (name != "-" && Array.Exists(name.Split('-'), c => c.Length == 0))
            throw Bad(value, $"\"{slice}\" has an empty '-' separated component");
    }

    private static string Join(string parent, string child) => parent.TrimEnd('/') + "/" + child;

    private static RuntimeException Bad(string value, string why) =>
        new($"config.json: linux.cgroupsPath: \"{value}\": {why}");
}
