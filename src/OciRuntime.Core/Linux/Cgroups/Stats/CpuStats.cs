using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>CPU time in nanoseconds, and CFS throttling counters.</summary>
public sealed record CpuStats
{
    [JsonPropertyName("usage")] public CpuUsage Usage { get; init; } = new();
    [JsonPropertyName("throttling")] public CpuThrottling Throttling { get; init; } = new();
}
