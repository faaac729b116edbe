using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const uint OPEN_TREE_CLONE = 1;
    internal const uint OPEN_TREE_CLOEXEC = 0x80000;
    internal const int AT_EMPTY_PATH = 0x1000;
    internal const uint MOVE_MOUNT_F_EMPTY_PATH = 0x4;
    internal const uint MOVE_MOUNT_T_EMPTY_PATH = 0x40;

    // glibc 2.36+ (Debian 12) wraps both mount-API calls.
    [LibraryImport(Name, EntryPoint = "open_tree", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OpenTree(int dirFd, string path, uint flags);

    [LibraryImport(Name, EntryPoint = "move_mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MoveMount(int fromDirFd, string fromPath, int toDirFd, string toPath, uint flags);
}
