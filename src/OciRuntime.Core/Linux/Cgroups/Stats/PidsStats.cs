using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>pids.current and pids.max (0 when unlimited, as runc reports it).</summary>
public sealed record PidsStats
{
    [JsonPropertyName("current")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Current { get; init; }
    [JsonPropertyName("limit")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Limit { get; init; }
}
