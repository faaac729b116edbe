namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// One eBPF instruction (struct bpf_insn, include/uapi/linux/bpf.h): an
/// opcode, destination and source registers, a signed offset and a signed
/// immediate, eight bytes in all.
/// </summary>
public readonly record struct BpfInstruction(byte Code, byte Dst, byte Src, short Off, int Imm)
{
    /// <summary>The little-endian encoding the kernel reads: code, dst_reg:4 | src_reg:4 &lt;&lt; 4, off, imm.</summary>
    public ulong Encode() =>
        Code | (ulong)(byte)((Dst & 0xf) | ((Src & 0xf) << 4)) << 8 | (ulong)(ushort)Off << 16 | (ulong)(uint)Imm << 32;
}
