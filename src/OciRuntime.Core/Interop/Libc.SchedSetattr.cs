using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_sched_setattr = 314;

    // glibc before 2.41 has no sched_setattr() wrapper: raw syscall (see Libc.IoprioSet.cs).
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static unsafe partial long SchedSetattr(long number, int pid, void* attr, uint flags);
}
