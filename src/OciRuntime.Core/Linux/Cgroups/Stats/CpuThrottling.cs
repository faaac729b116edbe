using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>CFS bandwidth counters (cpu.stat).</summary>
public sealed record CpuThrottling
{
    [JsonPropertyName("periods")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Periods { get; init; }
    [JsonPropertyName("throttledPeriods")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong ThrottledPeriods { get; init; }
    [JsonPropertyName("throttledTime")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong ThrottledTime { get; init; }
}
