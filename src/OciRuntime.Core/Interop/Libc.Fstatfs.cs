using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "fstatfs", SetLastError = true)]
    internal static unsafe partial int Fstatfs(int fd, StatfsBuffer* buf);
}
