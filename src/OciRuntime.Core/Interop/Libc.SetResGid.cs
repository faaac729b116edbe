using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // glibc's wrapper applies the change to every thread of the process.
    [LibraryImport(Name, EntryPoint = "setresgid", SetLastError = true)]
    internal static partial int SetResGid(uint rgid, uint egid, uint sgid);
}
