using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>Memory usage entries and the raw memory.stat counters.</summary>
public sealed record MemoryStats
{
    [JsonPropertyName("cache")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public ulong Cache { get; init; }
    [JsonPropertyName("usage")] public MemoryEntry Usage { get; init; } = new();
    [JsonPropertyName("swap")] public MemoryEntry Swap { get; init; } = new();
    [JsonPropertyName("kernel")] public MemoryEntry? Kernel { get; init; }
    [JsonPropertyName("raw")] public Dictionary<string, ulong>? Raw { get; init; }
}
