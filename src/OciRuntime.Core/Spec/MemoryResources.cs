using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record MemoryResources
{
    [JsonPropertyName("limit")] public long? Limit { get; init; }
    [JsonPropertyName("reservation")] public long? Reservation { get; init; }
    [JsonPropertyName("swap")] public long? Swap { get; init; }
    [JsonPropertyName("kernel")] public long? Kernel { get; init; }
    [JsonPropertyName("kernelTCP")] public long? KernelTcp { get; init; }
    [JsonPropertyName("swappiness")] public ulong? Swappiness { get; init; }
    [JsonPropertyName("disableOOMKiller")] public bool? DisableOomKiller { get; init; }
    [JsonPropertyName("useHierarchy")] public bool? UseHierarchy { get; init; }
    [JsonPropertyName("checkBeforeUpdate")] public bool? CheckBeforeUpdate { get; init; }
}
