using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record IoPriority
{
    [JsonPropertyName("class")] public string Class { get; init; } = "";
    [JsonPropertyName("priority")] public int Priority { get; init; }
}
