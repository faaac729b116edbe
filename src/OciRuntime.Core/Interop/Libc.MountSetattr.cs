using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    // Called through syscall(2): glibc wraps mount_setattr only from 2.36 on.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial long MountSetattr(long number, int dirfd, string path, uint flags, MountAttr* attr, nuint size);
}
