using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.SeccompProfiles;

/// <summary>Compiles with the host's libseccomp and runs the result in <see cref="ClassicBpf"/>.</summary>
public class SeccompCompilerTests
{
    // x86_64 syscall numbers (asm/unistd_64.h) and one i386 number (asm/unistd_32.h).
    private const int Getpid = 39, Clone = 56, Mkdir = 83, Personality = 135, Kill = 62, I386Mkdir = 39;
    private const uint Eperm = 0x00050001, Allow = 0x7fff0000;

    [SetUp]
    public void RequireLibseccomp()
    {
        if (!Libseccomp.IsAvailable())
            Assert.Ignore("libseccomp.so.2 is not installed");
    }

    private static SeccompFilter Compile(Core.Spec.Seccomp seccomp, List<string>? unknown = null) =>
        SeccompCompiler.Compile(SeccompPlanner.Plan(seccomp), name => unknown?.Add(name));

    [Test]
    public void ProgramIsASeccompFilterThatChecksTheArchitectureFirst()
    {
        var filter = Compile(new() { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [new SeccompSyscall { Names = ["mkdir"], Action = "SCMP_ACT_ERRNO" }] });
        Assert.That(filter.Program, Is.Not.Empty);
        Assert.That(filter.Program.Length % 8, Is.Zero);
        Assert.That(filter.Length, Is.InRange(3, SeccompCompiler.MaxInstructions));
        // ld [4]: offsetof(struct seccomp_data, arch).
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(filter.Program), Is.EqualTo(0x20));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(filter.Program.AsSpan(4)), Is.EqualTo(4u));
    }

    [Test]
    public void ErrnoRuleDeniesOnlyItsSyscall()
    {
        var filter = Compile(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["mkdir"], Action = "SCMP_ACT_ERRNO", ErrnoRet = 38 }],
        });
        Assert.That(ClassicBpf.Run(filter.Program, Mkdir, ClassicBpf.AuditArchX86_64), Is.EqualTo(0x00050026u));
        Assert.That(ClassicBpf.Run(filter.Program, Getpid, ClassicBpf.AuditArchX86_64), Is.EqualTo(Allow));
    }

    [Test]
    public void AddedArchitectureUsesItsOwnSyscallNumbers()
    {
        var profile = new Core.Spec.Seccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
            Syscalls = [new SeccompSyscall { Names = ["mkdir"], Action = "SCMP_ACT_ERRNO" }],
        };
        var filter = Compile(profile);
        Assert.That(ClassicBpf.Run(filter.Program, I386Mkdir, ClassicBpf.AuditArchI386), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Getpid, ClassicBpf.AuditArchX86_64), Is.EqualTo(Allow));

        // Without SCMP_ARCH_X86 an i386 syscall is a bad architecture: killed.
        var nativeOnly = Compile(profile with { Architectures = null });
        Assert.That(ClassicBpf.Run(nativeOnly.Program, I386Mkdir, ClassicBpf.AuditArchI386), Is.EqualTo(0u));
    }

    [Test]
    public void ArgumentConditionsAndMaskedEqual()
    {
        // runtime-tools' default profile: personality(0xffffffff) and clone without namespace flags.
        var filter = Compile(new()
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Syscalls =
            [
                new SeccompSyscall { Names = ["personality"], Action = "SCMP_ACT_ALLOW", Args = [new SeccompArg { Index = 0, Value = 0xffffffff, Op = "SCMP_CMP_EQ" }] },
                new SeccompSyscall { Names = ["clone"], Action = "SCMP_ACT_ALLOW", Args = [new SeccompArg { Index = 0, Value = 2114060288, Op = "SCMP_CMP_MASKED_EQ" }] },
            ],
        });
        Assert.That(ClassicBpf.Run(filter.Program, Personality, ClassicBpf.AuditArchX86_64, 0xffffffff), Is.EqualTo(Allow));
        Assert.That(ClassicBpf.Run(filter.Program, Personality, ClassicBpf.AuditArchX86_64, 8), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Personality, ClassicBpf.AuditArchX86_64, 0x1_ffffffff), Is.EqualTo(Eperm));
        const ulong sigchld = 17, newns = 0x00020000, newpid = 0x20000000, settid = 0x00100000;
        Assert.That(ClassicBpf.Run(filter.Program, Clone, ClassicBpf.AuditArchX86_64, sigchld | settid), Is.EqualTo(Allow));
        Assert.That(ClassicBpf.Run(filter.Program, Clone, ClassicBpf.AuditArchX86_64, sigchld | newns), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Clone, ClassicBpf.AuditArchX86_64, sigchld | newpid), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Getpid, ClassicBpf.AuditArchX86_64), Is.EqualTo(Eperm));
    }

    [Test]
    public void RepeatedArgumentMeansAnyOfTheConditions()
    {
        var filter = Compile(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls =
            [
                new SeccompSyscall
                {
                    Names = ["kill"], Action = "SCMP_ACT_ERRNO",
                    Args = [new SeccompArg { Index = 1, Value = 9, Op = "SCMP_CMP_EQ" }, new SeccompArg { Index = 1, Value = 15, Op = "SCMP_CMP_EQ" }],
                },
            ],
        });
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 1, 9), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 1, 15), Is.EqualTo(Eperm));
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 1, 2), Is.EqualTo(Allow));
    }

    [Test]
    public void DistinctArgumentsMustAllHold()
    {
        var filter = Compile(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls =
            [
                new SeccompSyscall
                {
                    Names = ["kill"], Action = "SCMP_ACT_KILL_PROCESS",
                    Args = [new SeccompArg { Index = 0, Value = 1, Op = "SCMP_CMP_GT" }, new SeccompArg { Index = 1, Value = 9, Op = "SCMP_CMP_EQ" }],
                },
            ],
        });
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 5, 9), Is.EqualTo(0x80000000u));
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 1, 9), Is.EqualTo(Allow));
        Assert.That(ClassicBpf.Run(filter.Program, Kill, ClassicBpf.AuditArchX86_64, 5, 15), Is.EqualTo(Allow));
    }

    [Test]
    public void UnknownSyscallNamesAreSkippedAndReported()
    {
        var unknown = new List<string>();
        var filter = Compile(new()
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new SeccompSyscall { Names = ["no_such_syscall", "mkdir", "no_such_syscall"], Action = "SCMP_ACT_ERRNO" }],
        }, unknown);
        Assert.That(unknown, Is.EqualTo(new[] { "no_such_syscall" }));
        Assert.That(ClassicBpf.Run(filter.Program, Mkdir, ClassicBpf.AuditArchX86_64), Is.EqualTo(Eperm));
    }

    [Test]
    public void FlagsTravelWithTheProgram()
    {
        var filter = Compile(new() { DefaultAction = "SCMP_ACT_ALLOW", Flags = ["SECCOMP_FILTER_FLAG_TSYNC"], Syscalls = [new SeccompSyscall { Names = ["mkdir"], Action = "SCMP_ACT_LOG" }] });
        Assert.That(filter.Flags, Is.EqualTo(1u));
        Assert.That(ClassicBpf.Run(filter.Program, Mkdir, ClassicBpf.AuditArchX86_64), Is.EqualTo(0x7ffc0000u));
    }

    [Test]
    public void EveryArchitectureOfTheInstalledHeaderResolves()
    {
        const string header = "/usr/include/seccomp.h";
        if (!File.Exists(header))
            Assert.Ignore($"{header} not installed");
        var text = File.ReadAllText(header);
        int checkedCount = 0;
        foreach (var (name, token) in SeccompArchitectures.ByName)
        {
            if (!Regex.IsMatch(text, @"#define\s+" + name + @"\s"))
                continue;
            Assert.That(Libseccomp.ArchResolveName(token), Is.Not.Zero, $"{name} -> {token}");
            checkedCount++;
        }
        Assert.That(checkedCount, Is.GreaterThan(10));
    }
}
