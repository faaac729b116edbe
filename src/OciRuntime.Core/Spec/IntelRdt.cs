using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record IntelRdt
{
    [JsonPropertyName("closID")] public string? ClosId { get; init; }
    [JsonPropertyName("schemata")] public string[]? Schemata { get; init; }
    [JsonPropertyName("l3CacheSchema")] public string? L3CacheSchema { get; init; }
    [JsonPropertyName("memBwSchema")] public string? MemBwSchema { get; init; }
    [JsonPropertyName("enableMonitoring")] public bool? EnableMonitoring { get; init; }
}
