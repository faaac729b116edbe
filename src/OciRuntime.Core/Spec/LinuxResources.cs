using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record LinuxResources
{
    [JsonPropertyName("devices")] public DeviceCgroup[]? Devices { get; init; }
    [JsonPropertyName("memory")] public MemoryResources? Memory { get; init; }
    [JsonPropertyName("cpu")] public CpuResources? Cpu { get; init; }
    [JsonPropertyName("pids")] public PidsResources? Pids { get; init; }
    [JsonPropertyName("blockIO")] public BlockIo? BlockIo { get; init; }
    [JsonPropertyName("hugepageLimits")] public HugepageLimit[]? HugepageLimits { get; init; }
    [JsonPropertyName("network")] public NetworkResources? Network { get; init; }
    [JsonPropertyName("rdma")] public Dictionary<string, Rdma>? Rdma { get; init; }
    [JsonPropertyName("unified")] public Dictionary<string, string>? Unified { get; init; }
}
