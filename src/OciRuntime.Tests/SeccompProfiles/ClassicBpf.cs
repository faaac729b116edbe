using System;
using System.Buffers.Binary;

namespace OciRuntime.Tests.SeccompProfiles;

/// <summary>
/// A small interpreter of classic BPF as the kernel runs it for seccomp
/// (struct seccomp_data as the packet), so that tests check what a compiled
/// filter decides rather than how it looks. Unknown opcodes throw.
/// </summary>
internal static class ClassicBpf
{
    public const uint AuditArchX86_64 = 0xC000003E;
    public const uint AuditArchI386 = 0x40000003;

    public static uint Run(byte[] program, int nr, uint arch, params ulong[] args)
    {
        var data = new byte[64];
        BinaryPrimitives.WriteInt32LittleEndian(data, nr);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), arch);
        for (int i = 0; i < args.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(16 + 8 * i), args[i]);

        uint a = 0, x = 0;
        var mem = new uint[16];
        int count = program.Length / 8;
        for (int pc = 0, steps = 0; pc < count; pc++, steps++)
        {
            if (steps > 100_000)
                throw new InvalidOperationException("BPF program does not terminate");
            var insn = program.AsSpan(pc * 8, 8);
            ushort code = BinaryPrimitives.ReadUInt16LittleEndian(insn);
            byte jt = insn[2], jf = insn[3];
            uint k = BinaryPrimitives.ReadUInt32LittleEndian(insn[4..]);
            switch (code)
            {
                case 0x20: a = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(checked((int)k))); break; // LD W ABS
                case 0x00: a = k; break;                 // LD IMM
                case 0x01: x = k; break;                 // LDX IMM
                case 0x60: a = mem[k]; break;            // LD MEM
                case 0x61: x = mem[k]; break;            // LDX MEM
                case 0x02: mem[k] = a; break;            // ST
                case 0x03: mem[k] = x; break;            // STX
                case 0x54: a &= k; break;                // ALU AND K
                case 0x5c: a &= x; break;                // ALU AND X
                case 0x44: a |= k; break;                // ALU OR K
                case 0x04: a += k; break;                // ALU ADD K
                case 0x14: a -= k; break;                // ALU SUB K
                case 0x07: x = a; break;                 // TAX
                case 0x87: a = x; break;                 // TXA
                case 0x05: pc += (int)k; break;          // JA
                case 0x15: pc += a == k ? jt : jf; break; // JEQ K
                case 0x25: pc += a > k ? jt : jf; break;  // JGT K
                case 0x35: pc += a >= k ? jt : jf; break; // JGE K
                case 0x45: pc += (a & k) != 0 ? jt : jf; break; // JSET K
                case 0x1d: pc += a == x ? jt : jf; break; // JEQ X
                case 0x2d: pc += a > x ? jt : jf; break;  // JGT X
                case 0x3d: pc += a >= x ? jt : jf; break; // JGE X
                case 0x06: return k;                     // RET K
                case 0x16: return a;                     // RET A
                default: throw new NotSupportedException($"BPF opcode 0x{code:x2} at {pc}");
            }
        }
        throw new InvalidOperationException("BPF program fell off its end");
    }
}
