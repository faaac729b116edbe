using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_setresgid = 119;

    // The calling thread only (see Libc.SetResUid.cs).
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static partial long SetResGid(long number, uint rgid, uint egid, uint sgid);
}
