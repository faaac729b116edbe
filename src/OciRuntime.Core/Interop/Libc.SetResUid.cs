using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // glibc's wrapper applies the change to every thread of the process (the
    // kernel's credentials are per thread), which a raw syscall would not.
    [LibraryImport(Name, EntryPoint = "setresuid", SetLastError = true)]
    internal static partial int SetResUid(uint ruid, uint euid, uint suid);
}
