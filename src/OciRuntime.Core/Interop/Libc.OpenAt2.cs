using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // openat2(2) has no glibc wrapper before 2.39; called through syscall(SYS_openat2, ...).
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial long OpenAt2(long number, int dirfd, string path, OpenHow* how, nuint size);
}
