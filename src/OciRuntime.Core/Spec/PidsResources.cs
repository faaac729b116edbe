using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record PidsResources
{
    [JsonPropertyName("limit")] public long Limit { get; init; }
}
