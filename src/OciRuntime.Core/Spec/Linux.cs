using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Linux
{
    [JsonPropertyName("uidMappings")] public IdMapping[]? UidMappings { get; init; }
    [JsonPropertyName("gidMappings")] public IdMapping[]? GidMappings { get; init; }
    [JsonPropertyName("sysctl")] public Dictionary<string, string>? Sysctl { get; init; }
    [JsonPropertyName("resources")] public LinuxResources? Resources { get; init; }
    [JsonPropertyName("cgroupsPath")] public string? CgroupsPath { get; init; }
    [JsonPropertyName("namespaces")] public LinuxNamespace[]? Namespaces { get; init; }
    [JsonPropertyName("devices")] public LinuxDevice[]? Devices { get; init; }
    [JsonPropertyName("netDevices")] public Dictionary<string, NetDevice>? NetDevices { get; init; }
    [JsonPropertyName("seccomp")] public Seccomp? Seccomp { get; init; }
    [JsonPropertyName("rootfsPropagation")] public string? RootfsPropagation { get; init; }
    [JsonPropertyName("maskedPaths")] public string[]? MaskedPaths { get; init; }
    [JsonPropertyName("readonlyPaths")] public string[]? ReadonlyPaths { get; init; }
    [JsonPropertyName("mountLabel")] public string? MountLabel { get; init; }
    [JsonPropertyName("intelRdt")] public IntelRdt? IntelRdt { get; init; }
    [JsonPropertyName("memoryPolicy")] public MemoryPolicy? MemoryPolicy { get; init; }
    [JsonPropertyName("personality")] public Personality? Personality { get; init; }
    [JsonPropertyName("timeOffsets")] public Dictionary<string, TimeOffset>? TimeOffsets { get; init; }
}
