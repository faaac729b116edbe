using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>features.linux.cgroup.</summary>
public sealed record CgroupFeatures
{
    [JsonPropertyName("v1")] public bool? V1 { get; init; }
    [JsonPropertyName("v2")] public bool? V2 { get; init; }
    [JsonPropertyName("systemd")] public bool? Systemd { get; init; }
    [JsonPropertyName("systemdUser")] public bool? SystemdUser { get; init; }
    [JsonPropertyName("rdma")] public bool? Rdma { get; init; }
}
