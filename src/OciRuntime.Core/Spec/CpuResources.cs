using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record CpuResources
{
    [JsonPropertyName("shares")] public ulong? Shares { get; init; }
    [JsonPropertyName("quota")] public long? Quota { get; init; }
    [JsonPropertyName("burst")] public ulong? Burst { get; init; }
    [JsonPropertyName("period")] public ulong? Period { get; init; }
    [JsonPropertyName("realtimeRuntime")] public long? RealtimeRuntime { get; init; }
    [JsonPropertyName("realtimePeriod")] public ulong? RealtimePeriod { get; init; }
    [JsonPropertyName("cpus")] public string? Cpus { get; init; }
    [JsonPropertyName("mems")] public string? Mems { get; init; }
    [JsonPropertyName("idle")] public long? Idle { get; init; }
}
