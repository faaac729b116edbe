using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Capabilities
{
    [JsonPropertyName("bounding")] public string[]? Bounding { get; init; }
    [JsonPropertyName("effective")] public string[]? Effective { get; init; }
    [JsonPropertyName("inheritable")] public string[]? Inheritable { get; init; }
    [JsonPropertyName("permitted")] public string[]? Permitted { get; init; }
    [JsonPropertyName("ambient")] public string[]? Ambient { get; init; }
}
