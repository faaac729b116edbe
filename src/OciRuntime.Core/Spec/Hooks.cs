using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Hooks
{
    [JsonPropertyName("prestart")] public Hook[]? Prestart { get; init; }
    [JsonPropertyName("createRuntime")] public Hook[]? CreateRuntime { get; init; }
    [JsonPropertyName("createContainer")] public Hook[]? CreateContainer { get; init; }
    [JsonPropertyName("startContainer")] public Hook[]? StartContainer { get; init; }
    [JsonPropertyName("poststart")] public Hook[]? Poststart { get; init; }
    [JsonPropertyName("poststop")] public Hook[]? Poststop { get; init; }
}
