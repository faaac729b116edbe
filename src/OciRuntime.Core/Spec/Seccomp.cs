using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Seccomp
{
    [JsonPropertyName("defaultAction")] public string DefaultAction { get; init; } = "";
    [JsonPropertyName("defaultErrnoRet")] public uint? DefaultErrnoRet { get; init; }
    [JsonPropertyName("architectures")] public string[]? Architectures { get; init; }
    [JsonPropertyName("flags")] public string[]? Flags { get; init; }
    [JsonPropertyName("listenerPath")] public string? ListenerPath { get; init; }
    [JsonPropertyName("listenerMetadata")] public string? ListenerMetadata { get; init; }
    [JsonPropertyName("syscalls")] public SeccompSyscall[]? Syscalls { get; init; }
}
