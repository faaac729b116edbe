using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Root
{
    [JsonPropertyName("path")] public string Path { get; init; } = "";
    [JsonPropertyName("readonly")] public bool Readonly { get; init; }
}
