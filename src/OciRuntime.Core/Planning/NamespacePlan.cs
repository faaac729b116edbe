using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>Which namespaces the init creates or joins, and the id maps the runtime writes.</summary>
public sealed record NamespacePlan
{
    public int CloneFlags { get; init; }
    public IReadOnlyList<(NamespaceKind Kind, string Path)> Joins { get; init; } = [];
    public IReadOnlyList<IdMapping> UidMappings { get; init; } = [];
    public IReadOnlyList<IdMapping> GidMappings { get; init; } = [];
    public TimeOffset? Monotonic { get; init; }
    public TimeOffset? Boottime { get; init; }

    public bool Creates(NamespaceKind kind) => (CloneFlags & (int)kind) != 0;

    public bool Has(NamespaceKind kind)
    {
        if (Creates(kind))
            return true;
        foreach (var j in Joins)
            if (j.Kind == kind)
                return true;
        return false;
    }
}
