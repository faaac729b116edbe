namespace OciRuntime.Core.Interop;

/// <summary>
/// Constants of the mount-related imports (x86_64 uapi: sys/mount.h, linux/mount.h,
/// linux/openat2.h, sys/stat.h, sys/statvfs.h, asm/unistd_64.h).
/// </summary>
internal static class MountConstants
{
    internal const long SYS_pivot_root = 155;
    internal const long SYS_openat2 = 437;
    internal const long SYS_mount_setattr = 442;

    internal const int MNT_DETACH = 2;
    internal const int UMOUNT_NOFOLLOW = 8;

    internal const ulong RESOLVE_NO_XDEV = 0x01;
    internal const ulong RESOLVE_NO_MAGICLINKS = 0x02;
    internal const ulong RESOLVE_NO_SYMLINKS = 0x04;
    internal const ulong RESOLVE_BENEATH = 0x08;
    internal const ulong RESOLVE_IN_ROOT = 0x10;

    internal const int AT_SYMLINK_NOFOLLOW = 0x100;
    internal const int AT_REMOVEDIR = 0x200;
    internal const int AT_RECURSIVE = 0x8000;
    internal const int AT_EMPTY_PATH = 0x1000;

    internal const uint S_IFMT = 0xF000;
    internal const uint S_IFIFO = 0x1000;
    internal const uint S_IFCHR = 0x2000;
    internal const uint S_IFDIR = 0x4000;
    internal const uint S_IFBLK = 0x6000;
    internal const uint S_IFREG = 0x8000;
    internal const uint S_IFLNK = 0xA000;

    // statfs f_flags (ST_*) differ from MS_* for relatime and above.
    internal const long ST_RDONLY = 0x0001;
    internal const long ST_NOSUID = 0x0002;
    internal const long ST_NODEV = 0x0004;
    internal const long ST_NOEXEC = 0x0008;
    internal const long ST_NOATIME = 0x0400;
    internal const long ST_NODIRATIME = 0x0800;
    internal const long ST_RELATIME = 0x1000;
    internal const long ST_NOSYMFOLLOW = 0x2000;

    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;
    internal const int ELOOP = 40;
    internal const int ENOSYS = 38;
    internal const int EPERM = 1;
    internal const int EBUSY = 16;
    internal const int EXDEV = 18;
    internal const int E2BIG = 7;
}
