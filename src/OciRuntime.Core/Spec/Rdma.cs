using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Rdma
{
    [JsonPropertyName("hcaHandles")] public uint? HcaHandles { get; init; }
    [JsonPropertyName("hcaObjects")] public uint? HcaObjects { get; init; }
}
