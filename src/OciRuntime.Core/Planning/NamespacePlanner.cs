using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// Turns linux.namespaces into the plan the C bootstrap executes
/// (src/native/bootstrap.c), and renders its one-message wire format.
/// </summary>
public static class NamespacePlanner
{
    private static readonly Dictionary<string, NamespaceKind> Kinds = new()
    {
        ["mount"] = NamespaceKind.Mount,
        ["uts"] = NamespaceKind.Uts,
        ["ipc"] = NamespaceKind.Ipc,
        ["user"] = NamespaceKind.User,
        ["pid"] = NamespaceKind.Pid,
        ["network"] = NamespaceKind.Network,
        ["cgroup"] = NamespaceKind.Cgroup,
        ["time"] = NamespaceKind.Time,
    };

    public static bool TryParseKind(string type, out NamespaceKind kind) => Kinds.TryGetValue(type, out kind);

    public static NamespacePlan Plan(ContainerConfig config)
    {
        int flags = 0;
        var joins = new List<(NamespaceKind, string)>();
        var namespaces = config.Linux?.Namespaces ?? [];
        for (int i = 0; i < namespaces.Length; i++)
        {
            var ns = namespaces[i];
            if (!Kinds.TryGetValue(ns.Type, out var kind))
                throw new RuntimeException($"config.json: linux.namespaces[{i}].type: unknown namespace \"{ns.Type}\"");
            if (string.IsNullOrEmpty(ns.Path))
                flags |= (int)kind;
            else
                joins.Add((kind, ns.Path));
        }
        TimeOffset? mono = null, boot = null;
        if (config.Linux?.TimeOffsets is { } offsets)
        {
            offsets.TryGetValue("monotonic", out mono);
            offsets.TryGetValue("boottime", out boot);
        }
        return new NamespacePlan
        {
            CloneFlags = flags,
            Joins = joins,
            UidMappings = config.Linux?.UidMappings ?? [],
            GidMappings = config.Linux?.GidMappings ?? [],
            Monotonic = mono,
            Boottime = boot,
        };
    }

    /// <summary>The bootstrap message: "clone F", "join F PATH" lines and an optional "timens" line.</summary>
    public static string BootstrapMessage(NamespacePlan plan, string? keyring = null)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"clone {plan.CloneFlags}\n");
        foreach (var (kind, path) in plan.Joins)
        {
            if (path.Contains('\n'))
                throw new RuntimeException($"config.json: linux.namespaces: path \"{path}\" contains a newline");
            sb.Append(CultureInfo.InvariantCulture, $"join {(int)kind} {path}\n");
        }
        if (plan.Creates(NamespaceKind.Time) && (plan.Monotonic is not null || plan.Boottime is not null))
        {
            var m = plan.Monotonic ?? new TimeOffset();
            var b = plan.Boottime ?? new TimeOffset();
            sb.Append(CultureInfo.InvariantCulture, $"timens {m.Secs} {m.Nanosecs} {b.Secs} {b.Nanosecs}\n");
        }
        if (!string.IsNullOrEmpty(keyring))
        {
            if (keyring.Contains('\n'))
                throw new RuntimeException("keyring name contains a newline");
            sb.Append(CultureInfo.InvariantCulture, $"keyring {keyring}\n");
        }
        return sb.ToString();
    }

    /// <summary>Content of /proc/PID/uid_map or gid_map: "inside outside count" per line.</summary>
    public static string IdMapText(IReadOnlyList<IdMapping> mappings)
    {
        var sb = new StringBuilder();
        foreach (var m in mappings)
            sb.Append(CultureInfo.InvariantCulture, $"{m.ContainerId} {m.HostId} {m.Size}\n");
        return sb.ToString();
    }
}
