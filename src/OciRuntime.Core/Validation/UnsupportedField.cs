using System;
using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Validation;

/// <summary>
/// A config.json field this runtime version cannot honour yet. <see cref="Occurrences"/>
/// yields the JSON path of every place the field is set (one for a plain field,
/// one per mount for per-mount fields).
/// </summary>
public sealed record UnsupportedField(string Path, Func<ContainerConfig, IEnumerable<string>> Occurrences)
{
    /// <summary>A field that occurs at most once in a config.</summary>
    public static UnsupportedField At(string path, Func<ContainerConfig, bool> isSet) =>
        new(path, c => isSet(c) ? [path] : []);

    /// <summary>A field of mounts[i]; reported as mounts[i].field.</summary>
    public static UnsupportedField OnEachMount(string field, Func<Mount, bool> isSet) =>
        new("mounts[]." + field, c => MountOccurrences(c, field, isSet));

    private static IEnumerable<string> MountOccurrences(ContainerConfig c, string field, Func<Mount, bool> isSet)
    {
        var mounts = c.Mounts ?? [];
        for (var i = 0; i < mounts.Length; i++)
        {
            if (isSet(mounts[i]))
                yield return $"mounts[{i}].{field}";
        }
    }

    /// <summary>True for a present object that is not just <c>{}</c>.</summary>
    public static bool IsSet<T>(T? value) where T : class, new() => value is not null && !value.Equals(new T());

    public static bool HasItems<T>(IReadOnlyCollection<T>? value) => value is { Count: > 0 };

    public static bool HasText(string? value) => !string.IsNullOrEmpty(value);
}
