using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record LinuxNamespace
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("path")] public string? Path { get; init; }
}
