using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Builds the BPF_PROG_TYPE_CGROUP_DEVICE program that enforces device rules
/// on cgroup v2, which has no devices controller files
/// (Documentation/admin-guide/cgroup-v2.rst, "Device controller"). The
/// program reads struct bpf_cgroup_dev_ctx { u32 access_type; u32 major;
/// u32 minor; } and returns 1 to allow, 0 to deny.
/// </summary>
public static class DeviceFilterProgram
{
    // Opcodes (include/uapi/linux/bpf.h, bpf_common.h).
    private const byte LdxMemW = 0x61;   // BPF_LDX | BPF_MEM | BPF_W
    private const byte Alu32AndK = 0x54; // BPF_ALU | BPF_AND | BPF_K
    private const byte Alu32RshK = 0x74; // BPF_ALU | BPF_RSH | BPF_K
    private const byte Alu32MovX = 0xbc; // BPF_ALU | BPF_MOV | BPF_X
    private const byte Alu64MovK = 0xb7; // BPF_ALU64 | BPF_MOV | BPF_K
    private const byte JeqK = 0x15;      // BPF_JMP | BPF_JEQ | BPF_K
    private const byte JneK = 0x55;      // BPF_JMP | BPF_JNE | BPF_K
    private const byte JsetK = 0x45;     // BPF_JMP | BPF_JSET | BPF_K
    private const byte Exit = 0x95;      // BPF_JMP | BPF_EXIT

    // Registers: r1 holds the context; r2..r5 the decoded request; r6 scratch.
    private const byte Ctx = 1, Type = 2, Access = 3, Major = 4, Minor = 5, Scratch = 6;

    /// <summary>BPF_DEVCG_DEV_BLOCK / BPF_DEVCG_DEV_CHAR.</summary>
    public const int DevBlock = 1, DevChar = 2;

    /// <summary>BPF_DEVCG_ACC_MKNOD / READ / WRITE.</summary>
    public const int AccMknod = 1, AccRead = 2, AccWrite = 4;

    /// <summary>
    /// The rules are checked last to first and the first match decides, so
    /// the last matching rule wins as with the v1 controller's ordered
    /// devices.allow/devices.deny writes; a request no rule matches is
    /// denied, as after the v1 driver's initial "deny a". A type "a" rule
    /// matches every device and access, as "a" does in v1. An allow rule
    /// matches when it grants every requested access; a deny rule when it
    /// names any of them, so denying "w" also refuses an open for "rw".
    /// </summary>
    public static IReadOnlyList<BpfInstruction> Build(IReadOnlyList<DeviceCgroup> rules)
    {
        var program = new List<BpfInstruction>
        {
            new(LdxMemW, Type, Ctx, 0, 0),
            new(Alu32AndK, Type, 0, 0, 0xffff),
            new(LdxMemW, Access, Ctx, 0, 0),
            new(Alu32RshK, Access, 0, 0, 16),
            new(LdxMemW, Major, Ctx, 4, 0),
            new(LdxMemW, Minor, Ctx, 8, 0),
        };
        // The verifier refuses unreachable instructions, and nothing runs
        // past a type "a" rule; the rules before it are still validated.
        var total = false;
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            var block = Block(rules[i], i);
            if (total)
                continue;
            program.AddRange(block);
            total = string.IsNullOrEmpty(rules[i].Type) || rules[i].Type == "a";
        }
        if (!total)
        {
            program.Add(new(Alu64MovK, 0, 0, 0, 0));
            program.Add(new(Exit, 0, 0, 0, 0));
        }
        return program;
    }

    /// <summary>Encodes the program as the kernel's array of struct bpf_insn.</summary>
    public static ulong[] Encode(IReadOnlyList<BpfInstruction> program)
    {
        var words = new ulong[program.Count];
        for (var i = 0; i < words.Length; i++)
            words[i] = program[i].Encode();
        return words;
    }

    private static List<BpfInstruction> Block(DeviceCgroup rule, int index)
    {
        var type = string.IsNullOrEmpty(rule.Type) ? "a" : rule.Type;
        var access = string.IsNullOrEmpty(rule.Access) ? "rwm" : rule.Access;
        var mask = 0;
        foreach (var ch in access)
        {
            mask |= ch switch
            {
                'm' => AccMknod,
                'r' => AccRead,
                'w' => AccWrite,
                _ => throw new RuntimeException($"config.json: linux.resources.devices[{index}].access: \"{access}\" may only contain r, w and m"),
            };
        }

        // Each check jumps to the block's end (offset filled in below) when
        // the rule does not apply to the request.
        var checks = new List<BpfInstruction>();
        switch (type)
        {
            case "a":
                break;
            case "c" or "b":
                checks.Add(new(JneK, Type, 0, 0, type == "c" ? DevChar : DevBlock));
                if (rule.Allow)
                {
                    if (mask != (AccMknod | AccRead | AccWrite))
                        checks.Add(new(JsetK, Access, 0, 0, ~mask));
                }
                else
                {
                    checks.Add(new(Alu32MovX, Scratch, Access, 0, 0));
                    checks.Add(new(Alu32AndK, Scratch, 0, 0, mask));
                    checks.Add(new(JeqK, Scratch, 0, 0, 0));
                }
                if (Number(rule.Major, index, "major") is { } major)
                    checks.Add(new(JneK, Major, 0, 0, major));
                if (Number(rule.Minor, index, "minor") is { } minor)
                    checks.Add(new(JneK, Minor, 0, 0, minor));
                break;
            default:
                throw new RuntimeException($"config.json: linux.resources.devices[{index}].type: unknown type \"{type}\" (a, c or b)");
        }

        var block = new List<BpfInstruction>(checks.Count + 2);
        var length = checks.Count + 2;
        for (var i = 0; i < checks.Count; i++)
        {
            var c = checks[i];
            block.Add(c.Code is JneK or JeqK or JsetK ? c with { Off = (short)(length - i - 1) } : c);
        }
        block.Add(new(Alu64MovK, 0, 0, 0, rule.Allow ? 1 : 0));
        block.Add(new(Exit, 0, 0, 0, 0));
        return block;
    }

    /// <summary>A wildcard (null or negative) yields null.</summary>
    private static int? Number(long? value, int index, string field)
    {
        if (value is null or < 0)
            return null;
        // Device numbers are 32-bit in the context; a larger one could never match.
        if (value > int.MaxValue)
            throw new RuntimeException($"config.json: linux.resources.devices[{index}].{field}: {value} is out of range");
        return (int)value.Value;
    }
}
