using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>Huge page usage of one page size.</summary>
public sealed record HugetlbStats
{
    [JsonPropertyName("usage")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Usage { get; init; }
    [JsonPropertyName("max")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Max { get; init; }
    [JsonPropertyName("failcnt")] public ulong Failcnt { get; init; }
}
