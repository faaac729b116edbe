using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record BlockIo
{
    [JsonPropertyName("weight")] public ushort? Weight { get; init; }
    [JsonPropertyName("leafWeight")] public ushort? LeafWeight { get; init; }
    [JsonPropertyName("weightDevice")] public WeightDevice[]? WeightDevice { get; init; }
    [JsonPropertyName("throttleReadBpsDevice")] public ThrottleDevice[]? ThrottleReadBpsDevice { get; init; }
    [JsonPropertyName("throttleWriteBpsDevice")] public ThrottleDevice[]? ThrottleWriteBpsDevice { get; init; }
    [JsonPropertyName("throttleReadIOPSDevice")] public ThrottleDevice[]? ThrottleReadIopsDevice { get; init; }
    [JsonPropertyName("throttleWriteIOPSDevice")] public ThrottleDevice[]? ThrottleWriteIopsDevice { get; init; }
}
