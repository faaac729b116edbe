using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "fchdir", SetLastError = true)]
    internal static partial int Fchdir(int fd);
}
