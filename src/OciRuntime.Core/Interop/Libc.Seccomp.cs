using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_seccomp = 317;
    internal const uint SECCOMP_SET_MODE_FILTER = 1;
    internal const int PR_SET_SECCOMP = 22;
    internal const nuint SECCOMP_MODE_FILTER = 2;

    // glibc has no seccomp() wrapper; syscall() is variadic, and on x86_64
    // integer and pointer varargs use the same registers as fixed arguments.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static unsafe partial long Seccomp(long number, uint operation, uint flags, void* program);
}
