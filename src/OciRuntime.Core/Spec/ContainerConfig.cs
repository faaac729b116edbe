using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>config.json of a bundle (runtime-spec 1.3, config.md and config-linux.md).</summary>
public sealed record ContainerConfig
{
    [JsonPropertyName("ociVersion")] public string OciVersion { get; init; } = "";
    [JsonPropertyName("root")] public Root? Root { get; init; }
    [JsonPropertyName("mounts")] public Mount[]? Mounts { get; init; }
    [JsonPropertyName("process")] public Process? Process { get; init; }
    [JsonPropertyName("hostname")] public string? Hostname { get; init; }
    [JsonPropertyName("domainname")] public string? Domainname { get; init; }
    [JsonPropertyName("hooks")] public Hooks? Hooks { get; init; }
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; init; }
    [JsonPropertyName("linux")] public Linux? Linux { get; init; }
}
