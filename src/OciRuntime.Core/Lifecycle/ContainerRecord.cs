using System.Collections.Generic;
using System.Text.Json.Serialization;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// What the runtime remembers about a container between commands
/// (state.json in the container's state directory). Only facts fixed at
/// create time live here: the status is derived each time from the kernel.
/// </summary>
public sealed record ContainerRecord
{
    [JsonPropertyName("ociVersion")] public string OciVersion { get; init; } = "";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("initPid")] public int InitPid { get; init; }

    /// <summary>Field 22 of /proc/PID/stat of the init process: tells a live init from a recycled pid.</summary>
    [JsonPropertyName("initStartTime")] public ulong InitStartTime { get; init; }

    [JsonPropertyName("bundle")] public string Bundle { get; init; } = "";
    [JsonPropertyName("rootfs")] public string Rootfs { get; init; } = "";

    /// <summary>RFC 3339 with nanoseconds, UTC (see <see cref="Rfc3339"/>).</summary>
    [JsonPropertyName("created")] public string Created { get; init; } = "";

    [JsonPropertyName("owner")] public string Owner { get; init; } = "";
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
    [JsonPropertyName("cgroupsPath")] public string? CgroupsPath { get; init; }
    [JsonPropertyName("systemdCgroup")] public bool SystemdCgroup { get; init; }

    /// <summary>Namespace type (spec name, e.g. "network") → path to join it later (/proc/PID/ns/net), for exec.</summary>
    [JsonPropertyName("namespacePaths")] public Dictionary<string, string>? NamespacePaths { get; init; }

    /// <summary>Whether the config asked for a pid namespace: without one, kill --all and delete must signal every cgroup member.</summary>
    [JsonPropertyName("hasPidNamespace")] public bool HasPidNamespace { get; init; }

    /// <summary>The config's hooks; poststop runs at delete, when the bundle may be gone.</summary>
    [JsonPropertyName("hooks")] public Hooks? Hooks { get; init; }

    /// <summary>
    /// Written by `create` before it makes anything (and again once the init
    /// exists), replaced by the full record at the end: after a crash in
    /// between, the container is still listed and `delete --force` knows the
    /// cgroup and the init to remove.
    /// </summary>
    [JsonPropertyName("creating")] public bool Creating { get; init; }

    public static ContainerRecord Provisional(string id, string ociVersion, string bundle, string rootfs, string? cgroupsPath, int initPid) => new()
    {
        OciVersion = ociVersion,
        Id = id,
        InitPid = initPid,
        InitStartTime = initPid > 0 ? StatusDeriver.Host.StartTimeOf(initPid) ?? 0 : 0,
        Bundle = bundle,
        Rootfs = rootfs,
        Created = Rfc3339.Nano(System.DateTime.UtcNow),
        CgroupsPath = cgroupsPath,
        Creating = true,
    };
}
