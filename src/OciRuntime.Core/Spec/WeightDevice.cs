using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record WeightDevice
{
    [JsonPropertyName("major")] public long Major { get; init; }
    [JsonPropertyName("minor")] public long Minor { get; init; }
    [JsonPropertyName("weight")] public ushort? Weight { get; init; }
    [JsonPropertyName("leafWeight")] public ushort? LeafWeight { get; init; }
}
