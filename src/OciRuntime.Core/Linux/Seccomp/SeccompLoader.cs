using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// Installs a compiled filter on the calling thread (the one that will
/// execve). Needs no_new_privs or CAP_SYS_ADMIN (seccomp(2)).
/// </summary>
public static class SeccompLoader
{
    public static unsafe void Load(SeccompFilter filter)
    {
        fixed (byte* program = filter.Program)
        {
            // struct sock_fprog: unsigned short len, then (aligned to 8 on
            // x86_64) the struct sock_filter pointer.
            byte* fprog = stackalloc byte[16];
            *(ulong*)fprog = (ushort)filter.Length;
            *(byte**)(fprog + 8) = program;
            if (filter.Flags == 0)
            {
                SyscallException.Check(Libc.Prctl(Libc.PR_SET_SECCOMP, Libc.SECCOMP_MODE_FILTER, (nuint)fprog, 0, 0), "prctl `PR_SET_SECCOMP`");
            }
            else
            {
                SyscallException.Check(Libc.Seccomp(Libc.SYS_seccomp, Libc.SECCOMP_SET_MODE_FILTER, filter.Flags, fprog),
                    $"seccomp `SECCOMP_SET_MODE_FILTER` with flags {filter.Flags:x}");
            }
        }
    }
}
