using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // Called through syscall(2): glibc wraps move_mount only from 2.36 on.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long MoveMount(long number, int fromDirfd, string fromPath, int toDirfd, string toPath, uint flags);
}
