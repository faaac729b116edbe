using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Operations;

/// <summary>
/// What `state` prints and `list --format json` lists: the spec's state
/// (runtime.md) plus runc's rootfs, created and owner fields.
/// </summary>
public sealed record StateView
{
    [JsonPropertyName("ociVersion")] public string OciVersion { get; init; } = "";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("pid")] public int Pid { get; init; }
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("bundle")] public string Bundle { get; init; } = "";
    [JsonPropertyName("rootfs")] public string Rootfs { get; init; } = "";
    [JsonPropertyName("created")] public string Created { get; init; } = "";
    [JsonPropertyName("owner")] public string Owner { get; init; } = "";
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
}
