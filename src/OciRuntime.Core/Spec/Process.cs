using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record Process
{
    [JsonPropertyName("terminal")] public bool Terminal { get; init; }
    [JsonPropertyName("consoleSize")] public ConsoleSize? ConsoleSize { get; init; }
    [JsonPropertyName("user")] public User User { get; init; } = new();
    [JsonPropertyName("args")] public string[]? Args { get; init; }
    [JsonPropertyName("commandLine")] public string? CommandLine { get; init; }
    [JsonPropertyName("env")] public string[]? Env { get; init; }
    [JsonPropertyName("cwd")] public string Cwd { get; init; } = "";
    [JsonPropertyName("capabilities")] public Capabilities? Capabilities { get; init; }
    [JsonPropertyName("rlimits")] public Rlimit[]? Rlimits { get; init; }
    [JsonPropertyName("noNewPrivileges")] public bool NoNewPrivileges { get; init; }
    [JsonPropertyName("apparmorProfile")] public string? ApparmorProfile { get; init; }
    [JsonPropertyName("oomScoreAdj")] public int? OomScoreAdj { get; init; }
    [JsonPropertyName("scheduler")] public Scheduler? Scheduler { get; init; }
    [JsonPropertyName("selinuxLabel")] public string? SelinuxLabel { get; init; }
    [JsonPropertyName("ioPriority")] public IoPriority? IoPriority { get; init; }
    [JsonPropertyName("execCPUAffinity")] public ExecCpuAffinity? ExecCpuAffinity { get; init; }
}
