using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // glibc has no pivot_root wrapper; the raw syscall takes (new_root, put_old).
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long PivotRoot(long number, string newRoot, string putOld);
}
