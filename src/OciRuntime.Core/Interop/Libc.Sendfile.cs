using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "sendfile", SetLastError = true)]
    internal static unsafe partial nint Sendfile(int outFd, int inFd, long* offset, nuint count);
}
