using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>One memory counter: its limit, current and peak usage, and how often the limit was hit.</summary>
public sealed record MemoryEntry
{
    [JsonPropertyName("limit")] public ulong Limit { get; init; }
    [JsonPropertyName("usage")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Usage { get; init; }
    [JsonPropertyName("max")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Max { get; init; }
    [JsonPropertyName("failcnt")] public ulong Failcnt { get; init; }
}
