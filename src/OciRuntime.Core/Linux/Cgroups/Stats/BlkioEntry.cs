using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>One "major:minor op value" line.</summary>
public sealed record BlkioEntry
{
    [JsonPropertyName("major")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Major { get; init; }
    [JsonPropertyName("minor")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Minor { get; init; }
    [JsonPropertyName("op")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? Op { get; init; }
    [JsonPropertyName("value")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Value { get; init; }
}
