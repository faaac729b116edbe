using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>A features entry that only says whether it is enabled (apparmor, selinux, intelRdt, netDevices, idmap).</summary>
public sealed record EnabledFeature
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
}
