namespace OciRuntime.Core.Interop;

/// <summary>
/// Constants of the user-namespace and idmapped-mount imports (x86_64 uapi:
/// asm/unistd_64.h, linux/mount.h, sys/socket.h, sched.h).
/// </summary>
internal static class UserNsConstants
{
    internal const long SYS_open_tree = 428;
    internal const long SYS_move_mount = 429;

    internal const uint OPEN_TREE_CLONE = 1;
    internal const uint OPEN_TREE_CLOEXEC = 0x80000;

    internal const uint MOVE_MOUNT_F_EMPTY_PATH = 0x04;
    internal const uint MOVE_MOUNT_T_EMPTY_PATH = 0x40;

    internal const int SOL_SOCKET = 1;
    internal const int SCM_RIGHTS = 1;

    internal const int CLONE_NEWUSER = 0x10000000;

    internal const int EINVAL = 22;
    internal const int EBADF = 9;
    internal const int W_OK = 2;
    internal const int AT_EACCESS = 0x200;
}
