using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>The `features` document (runtime-spec features.md), named as in features-schema.json.</summary>
public sealed record Features
{
    [JsonPropertyName("ociVersionMin")] public string OciVersionMin { get; init; } = "";
    [JsonPropertyName("ociVersionMax")] public string OciVersionMax { get; init; } = "";
    [JsonPropertyName("hooks")] public string[]? Hooks { get; init; }
    [JsonPropertyName("mountOptions")] public string[]? MountOptions { get; init; }
    [JsonPropertyName("linux")] public LinuxFeatures? Linux { get; init; }
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
}
