using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record HugepageLimit
{
    [JsonPropertyName("pageSize")] public string PageSize { get; init; } = "";
    [JsonPropertyName("limit")] public ulong Limit { get; init; }
}
