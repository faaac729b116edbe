using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>features.linux.seccomp.</summary>
public sealed record SeccompFeatures
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("actions")] public string[]? Actions { get; init; }
    [JsonPropertyName("operators")] public string[]? Operators { get; init; }
    [JsonPropertyName("archs")] public string[]? Archs { get; init; }
    [JsonPropertyName("knownFlags")] public string[]? KnownFlags { get; init; }
    [JsonPropertyName("supportedFlags")] public string[]? SupportedFlags { get; init; }
}
