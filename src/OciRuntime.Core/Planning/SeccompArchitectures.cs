using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// SCMP_ARCH_* names of the spec and the names libseccomp's
/// seccomp_arch_resolve_name accepts. Whether the installed libseccomp knows
/// one (loongarch64, m68k, sh need 2.6) is checked when compiling.
/// </summary>
public static class SeccompArchitectures
{
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["SCMP_ARCH_X86"] = "x86",
        ["SCMP_ARCH_X86_64"] = "x86_64",
        ["SCMP_ARCH_X32"] = "x32",
        ["SCMP_ARCH_ARM"] = "arm",
        ["SCMP_ARCH_AARCH64"] = "aarch64",
        ["SCMP_ARCH_MIPS"] = "mips",
        ["SCMP_ARCH_MIPS64"] = "mips64",
        ["SCMP_ARCH_MIPS64N32"] = "mips64n32",
        ["SCMP_ARCH_MIPSEL"] = "mipsel",
        ["SCMP_ARCH_MIPSEL64"] = "mipsel64",
        ["SCMP_ARCH_MIPSEL64N32"] = "mipsel64n32",
        ["SCMP_ARCH_PPC"] = "ppc",
        ["SCMP_ARCH_PPC64"] = "ppc64",
        ["SCMP_ARCH_PPC64LE"] = "ppc64le",
        ["SCMP_ARCH_S390"] = "s390",
        ["SCMP_ARCH_S390X"] = "s390x",
        ["SCMP_ARCH_PARISC"] = "parisc",
        ["SCMP_ARCH_PARISC64"] = "parisc64",
        ["SCMP_ARCH_RISCV64"] = "riscv64",
        ["SCMP_ARCH_LOONGARCH64"] = "loongarch64",
        ["SCMP_ARCH_M68K"] = "m68k",
        ["SCMP_ARCH_SH"] = "sh",
        ["SCMP_ARCH_SHEB"] = "sheb",
    };
}
