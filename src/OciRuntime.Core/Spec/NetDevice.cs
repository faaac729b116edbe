using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record NetDevice
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}
