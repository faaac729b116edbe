using System;
using System.Collections.Generic;

namespace OciRuntime.Tests.Cgroups;

/// <summary>
/// Runs an encoded eBPF program against a bpf_cgroup_dev_ctx, for the
/// subset of opcodes a device filter needs; anything else fails the test.
/// </summary>
internal static class BpfInterpreter
{
    /// <summary>The kernel verifier rejects a program with an instruction no path reaches.</summary>
    public static IReadOnlyList<int> Unreachable(IReadOnlyList<ulong> program)
    {
        var reached = new bool[program.Count];
        if (program.Count > 0)
            reached[0] = true;
        for (var pc = 0; pc < program.Count; pc++)
        {
            if (!reached[pc])
                continue;
            var code = (byte)program[pc];
            var off = (short)(ushort)(program[pc] >> 16);
            var target = pc + 1 + off;
            if (code is 0x05 or 0x15 or 0x55 or 0x45 && target < program.Count && target > pc)
                reached[target] = true;
            if (code is not (0x95 or 0x05) && pc + 1 < program.Count)
                reached[pc + 1] = true;
        }
        var missing = new List<int>();
        for (var i = 0; i < reached.Length; i++)
        {
            if (!reached[i])
                missing.Add(i);
        }
        return missing;
    }

    public static ulong Run(IReadOnlyList<ulong> program, uint accessType, uint major, uint minor)
    {
        var ctx = new uint[] { accessType, major, minor };
        var r = new ulong[11];
        var pc = 0;
        for (var steps = 0; steps < 4096; steps++)
        {
            if (pc < 0 || pc >= program.Count)
                throw new InvalidOperationException($"pc {pc} outside the program");
            var word = program[pc];
            var code = (byte)word;
            var dst = (int)(word >> 8) & 0xf;
            var src = (int)(word >> 12) & 0xf;
            var off = (short)(ushort)(word >> 16);
            var imm = (int)(uint)(word >> 32);
            var k = (ulong)(long)imm;
            pc++;
            bool? jump = null;
            switch (code)
            {
                case 0x61:
                    if (src != 1 || off % 4 != 0 || off / 4 >= ctx.Length || off < 0)
                        throw new InvalidOperationException($"bad context load r{src}+{off}");
                    r[dst] = ctx[off / 4];
                    break;
                case 0x54: r[dst] = (uint)r[dst] & (uint)imm; break;
                case 0x74: r[dst] = (uint)r[dst] >> imm; break;
                case 0xbc: r[dst] = (uint)r[src]; break;
                case 0xb7: r[dst] = k; break;
                case 0x05: jump = true; break;
                case 0x15: jump = r[dst] == k; break;
                case 0x55: jump = r[dst] != k; break;
                case 0x45: jump = (r[dst] & k) != 0; break;
                case 0x95: return r[0];
                default: throw new InvalidOperationException($"unsupported opcode 0x{code:x2} at {pc - 1}");
            }
            if (jump == true)
            {
                if (off < 0)
                    throw new InvalidOperationException("backward jump");
                pc += off;
            }
        }
        throw new InvalidOperationException("program did not exit");
    }
}
