using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Mount
{
    [JsonPropertyName("destination")] public string Destination { get; init; } = "";
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("options")] public string[]? Options { get; init; }
    [JsonPropertyName("uidMappings")] public IdMapping[]? UidMappings { get; init; }
    [JsonPropertyName("gidMappings")] public IdMapping[]? GidMappings { get; init; }
}
