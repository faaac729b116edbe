using OciRuntime.Core.Interop;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// Installs a compiled filter on the calling thread (the one that will
/// execve). Needs no_new_privs or CAP_SYS_ADMIN (seccomp(2)).
/// </summary>
public static class SeccompLoader
{
    /// <returns>The notify descriptor when the flags ask for SECCOMP_FILTER_FLAG_NEW_LISTENER, else -1.</returns>
    public static unsafe int Load(SeccompFilter filter)
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
                return -1;
            }
            else
            {
                long rc = SyscallException.Check(Libc.Seccomp(Libc.SYS_seccomp, Libc.SECCOMP_SET_MODE_FILTER, filter.Flags, fprog),
                    $"seccomp `SECCOMP_SET_MODE_FILTER` with flags {filter.Flags:x}");
                // With NEW_LISTENER the kernel returns the notify fd (close-on-exec).
                return (filter.Flags & SeccompFilterFlags.NewListener) != 0 ? (int)rc : -1;
            }
        }
    }
}
