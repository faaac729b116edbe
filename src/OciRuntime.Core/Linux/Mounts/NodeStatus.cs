using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>The part of struct stat the mount code checks: file type and device number.</summary>
public readonly record struct NodeStatus(uint Mode, ulong Rdev)
{
    public uint FileType => Mode & MountConstants.S_IFMT;
    public bool IsDirectory => FileType == MountConstants.S_IFDIR;

    /// <summary>glibc's makedev (sys/sysmacros.h): 12-bit major and 20-bit minor split across the 64-bit dev_t.</summary>
    public static ulong MakeDev(long major, long minor)
    {
        ulong ma = (ulong)major, mi = (ulong)minor;
        return ((ma & 0xFFFFF000UL) << 32) | ((ma & 0xFFFUL) << 8) | ((mi & 0xFFFFFF00UL) << 12) | (mi & 0xFFUL);
    }
}
