using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>The state of a container as the spec's `state` operation reports it (runtime.md).</summary>
public sealed record State
{
    [JsonPropertyName("ociVersion")] public string OciVersion { get; init; } = "";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("pid")] public int? Pid { get; init; }
    [JsonPropertyName("bundle")] public string Bundle { get; init; } = "";
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
}
