using System.Text.Json.Serialization;
using OciRuntime.Core.Linux.Cgroups.Stats;

namespace OciRuntime.Core.Operations;

/// <summary>One line of `events`: runc's envelope, "stats" with data or "oom" without.</summary>
public sealed record ContainerEvent
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("data")] public CgroupStats? Data { get; init; }
}
