using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record ExecCpuAffinity
{
    [JsonPropertyName("initial")] public string? Initial { get; init; }
    [JsonPropertyName("final")] public string? Final { get; init; }
}
