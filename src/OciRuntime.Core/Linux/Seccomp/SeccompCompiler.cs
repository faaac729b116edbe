using System;
using System.Collections.Generic;
using System.IO;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// Compiles a <see cref="SeccompPlan"/> to classic BPF with libseccomp, in
/// `create`, before anything is spawned: the container init cannot load a
/// library once it has pivoted into the container's root (DESIGN.md).
/// </summary>
public static class SeccompCompiler
{
    /// <summary>sizeof(struct sock_filter).</summary>
    public const int InstructionSize = 8;

    /// <summary>BPF_MAXINSNS: the kernel refuses longer classic programs.</summary>
    public const int MaxInstructions = 4096;

    private const int EEXIST = 17;

    /// <param name="unknownSyscall">Told each syscall name libseccomp does not know; such names are skipped, as runc and crun do, so one profile serves older and newer kernels.</param>
    public static SeccompFilter Compile(SeccompPlan plan, Action<string>? unknownSyscall = null)
    {
        if (!Libseccomp.IsAvailable())
            throw new RuntimeException($"linux.seccomp: cannot load {Libseccomp.Name} (install libseccomp2)");

        nint ctx = Libseccomp.Init(plan.DefaultAction);
        if (ctx == 0)
            throw new RuntimeException($"seccomp_init: default action {plan.DefaultAction:x8} refused by libseccomp");
        try
        {
            // The runtime sets no_new_privs itself, from process.noNewPrivileges;
            // the filter must not imply it.
            Check(Libseccomp.AttrSet(ctx, Libseccomp.FilterAttrCtlNnp, 0), "seccomp_attr_set `SCMP_FLTATR_CTL_NNP`");
            foreach (var arch in plan.Architectures)
                AddArchitecture(ctx, arch);
            var unknown = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in plan.Rules)
            {
                int nr = Libseccomp.SyscallResolveName(rule.Syscall);
                if (nr == Libseccomp.NrError)
                {
                    if (unknown.Add(rule.Syscall))
                        unknownSyscall?.Invoke(rule.Syscall);
                    continue;
                }
                AddRule(ctx, nr, rule);
            }
            return new SeccompFilter { Program = Export(ctx), Flags = plan.Flags };
        }
        finally
        {
            Libseccomp.Release(ctx);
        }
    }

    private static void AddArchitecture(nint ctx, string name)
    {
        uint token = Libseccomp.ArchResolveName(name);
        if (token == 0)
            throw new RuntimeException($"config.json: linux.seccomp.architectures: \"{name}\" is not supported by the installed libseccomp");
        int rc = Libseccomp.ArchAdd(ctx, token);
        // The native architecture is in every new context already.
        if (rc < 0 && rc != -EEXIST)
            throw new SyscallException($"seccomp_arch_add `{name}`", -rc);
    }

    private static unsafe void AddRule(nint ctx, int nr, SeccompRule rule)
    {
        var args = stackalloc LibseccompArgCmp[rule.Conditions.Length];
        for (int i = 0; i < rule.Conditions.Length; i++)
        {
            var c = rule.Conditions[i];
            args[i] = new LibseccompArgCmp { Arg = c.Index, Op = c.Operator, DatumA = c.Value, DatumB = c.ValueTwo };
        }
        int rc = Libseccomp.RuleAddArray(ctx, rule.Action, nr, (uint)rule.Conditions.Length, args);
        if (rc < 0)
            throw new SyscallException($"seccomp_rule_add `{rule.Syscall}`", -rc);
    }

    private static byte[] Export(nint ctx)
    {
        int fd = SyscallException.Check(Libc.MemfdCreate("seccomp-bpf", Libc.MFD_CLOEXEC), "memfd_create `seccomp-bpf`");
        try
        {
            Check(Libseccomp.ExportBpf(ctx, fd), "seccomp_export_bpf");
            // A fresh open through /proc starts at offset 0; the export left fd at the end.
            var program = File.ReadAllBytes($"/proc/self/fd/{fd}");
            if (program.Length == 0 || program.Length % InstructionSize != 0)
                throw new RuntimeException($"seccomp_export_bpf: {program.Length} bytes is not a BPF program");
            if (program.Length / InstructionSize > MaxInstructions)
                throw new RuntimeException($"linux.seccomp: the filter has {program.Length / InstructionSize} BPF instructions, more than the kernel's {MaxInstructions}");
            return program;
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc < 0)
            throw new SyscallException(what, -rc);
    }
}
