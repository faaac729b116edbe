using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Hook
{
    [JsonPropertyName("path")] public string Path { get; init; } = "";
    [JsonPropertyName("args")] public string[]? Args { get; init; }
    [JsonPropertyName("env")] public string[]? Env { get; init; }
    [JsonPropertyName("timeout")] public int? Timeout { get; init; }
}
