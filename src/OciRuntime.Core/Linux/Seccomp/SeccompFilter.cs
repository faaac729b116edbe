using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// A compiled seccomp filter as `create` ships it to the container init:
/// the classic BPF program (struct sock_filter[], 8 bytes per instruction)
/// and the SECCOMP_FILTER_FLAG_* bits to load it with.
/// </summary>
public sealed record SeccompFilter
{
    public byte[] Program { get; init; } = [];
    public uint Flags { get; init; }

    /// <summary>Number of BPF instructions.</summary>
    [JsonIgnore]
    public int Length => Program.Length / SeccompCompiler.InstructionSize;
}
