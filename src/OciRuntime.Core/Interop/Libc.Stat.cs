using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // glibc >= 2.33 exports stat/fstat as real symbols (earlier only __xstat).
    [LibraryImport(Name, EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Stat(string path, out StatBuf buf);

    [LibraryImport(Name, EntryPoint = "fstat", SetLastError = true)]
    internal static partial int Fstat(int fd, out StatBuf buf);
}
