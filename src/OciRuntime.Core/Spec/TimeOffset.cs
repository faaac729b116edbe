using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record TimeOffset
{
    [JsonPropertyName("secs")] public long Secs { get; init; }
    [JsonPropertyName("nanosecs")] public uint Nanosecs { get; init; }
}
