using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_bpf = 321;

    // glibc has no bpf() wrapper; the attribute union is passed by pointer
    // with its size, and bytes past the fields a command uses must be zero.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static unsafe partial long Bpf(long number, int command, void* attr, uint size);
}
