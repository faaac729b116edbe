using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "signalfd", SetLastError = true)]
    internal static unsafe partial int Signalfd(int fd, SigSet* mask, int flags);
}
