using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>CPU time in nanoseconds (v2 reports microseconds, converted).</summary>
public sealed record CpuUsage
{
    [JsonPropertyName("total")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Total { get; init; }
    [JsonPropertyName("percpu")] public List<ulong>? Percpu { get; init; }
    [JsonPropertyName("kernel")] public ulong Kernel { get; init; }
    [JsonPropertyName("user")] public ulong User { get; init; }
}
