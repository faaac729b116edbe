using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_setgroups = 116;

    // The raw syscall changes the calling thread only; glibc's wrapper would
    // signal every other thread of the process to change it there too (see
    // Libc.SetResUid.cs).
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static unsafe partial long SetGroups(long number, nuint size, uint* list);
}
