using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_ioprio_set = 251;
    internal const int IOPRIO_WHO_PROCESS = 1;

    // glibc has no ioprio_set() wrapper; syscall() is variadic, and on x86_64
    // integer varargs travel in the same registers as fixed arguments.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static partial long IoprioSet(long number, int which, int who, int ioprio);
}
