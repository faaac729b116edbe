using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record MemoryPolicy
{
    [JsonPropertyName("mode")] public string Mode { get; init; } = "";
    [JsonPropertyName("nodes")] public string? Nodes { get; init; }
    [JsonPropertyName("flags")] public string[]? Flags { get; init; }
}
