using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // Called through syscall(2): glibc wraps open_tree only from 2.36 on.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long OpenTree(long number, int dirfd, string path, uint flags);
}
