using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Personality
{
    [JsonPropertyName("domain")] public string Domain { get; init; } = "";
    [JsonPropertyName("flags")] public string[]? Flags { get; init; }
}
