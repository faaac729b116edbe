using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>features.linux.mountExtensions.</summary>
public sealed record MountExtensionsFeatures
{
    [JsonPropertyName("idmap")] public EnabledFeature? Idmap { get; init; }
}
