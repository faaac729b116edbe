using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>The "data" of a stats event, shaped like runc's events types (what engines parse).</summary>
public sealed record CgroupStats
{
    [JsonPropertyName("cpu")] public CpuStats Cpu { get; init; } = new();
    [JsonPropertyName("memory")] public MemoryStats Memory { get; init; } = new();
    [JsonPropertyName("pids")] public PidsStats Pids { get; init; } = new();
    [JsonPropertyName("blkio")] public BlkioStats Blkio { get; init; } = new();
    [JsonPropertyName("hugetlb")] public Dictionary<string, HugetlbStats> Hugetlb { get; init; } = new();
}
