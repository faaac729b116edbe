using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record InterfacePriority
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("priority")] public uint Priority { get; init; }
}
