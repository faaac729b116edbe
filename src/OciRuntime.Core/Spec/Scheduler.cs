using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Scheduler
{
    [JsonPropertyName("policy")] public string Policy { get; init; } = "";
    [JsonPropertyName("nice")] public int Nice { get; init; }
    [JsonPropertyName("priority")] public int Priority { get; init; }
    [JsonPropertyName("flags")] public string[]? Flags { get; init; }
    [JsonPropertyName("runtime")] public ulong Runtime { get; init; }
    [JsonPropertyName("deadline")] public ulong Deadline { get; init; }
    [JsonPropertyName("period")] public ulong Period { get; init; }
}
