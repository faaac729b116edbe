using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // glibc 2.33+ exports fstat; the buffer is the x86_64 struct stat.
    [LibraryImport(Name, EntryPoint = "fstat", SetLastError = true)]
    internal static unsafe partial int Fstat(int fd, StatBuffer* buf);
}
