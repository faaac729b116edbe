using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>features.linux (features-linux.md).</summary>
public sealed record LinuxFeatures
{
    [JsonPropertyName("namespaces")] public string[]? Namespaces { get; init; }
    [JsonPropertyName("capabilities")] public string[]? Capabilities { get; init; }
    [JsonPropertyName("cgroup")] public CgroupFeatures? Cgroup { get; init; }
    [JsonPropertyName("seccomp")] public SeccompFeatures? Seccomp { get; init; }
    [JsonPropertyName("apparmor")] public EnabledFeature? Apparmor { get; init; }
    [JsonPropertyName("selinux")] public EnabledFeature? Selinux { get; init; }
    [JsonPropertyName("intelRdt")] public EnabledFeature? IntelRdt { get; init; }
    [JsonPropertyName("mountExtensions")] public MountExtensionsFeatures? MountExtensions { get; init; }
    [JsonPropertyName("netDevices")] public EnabledFeature? NetDevices { get; init; }
}
