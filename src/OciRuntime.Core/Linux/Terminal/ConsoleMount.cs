using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>
/// /dev/console of a container with a terminal is its pty slave, bind-mounted
/// (as in runc). CVE-2025-52565: both ends go by descriptor. The source is the
/// slave fd checked to be a pty; the target is opened without following
/// symlinks and checked to be a plain file or device, so a container cannot
/// redirect the mount onto a host file (e.g. one under /proc).
/// </summary>
public static class ConsoleMount
{
    public static void Mount(int slave)
    {
        Pty.EnsurePtySlave(slave);
        int dev = SyscallException.Check(Libc.Open("/dev", Flags.O_PATH | Flags.O_DIRECTORY | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0), "open `/dev`");
        int target = -1, tree = -1;
        try
        {
            target = OpenTarget(dev);
            tree = SyscallException.Check(Libc.OpenTree(slave, "", Libc.OPEN_TREE_CLONE | Libc.OPEN_TREE_CLOEXEC | (uint)Libc.AT_EMPTY_PATH), "clone pty slave mount");
            SyscallException.Check(Libc.MoveMount(tree, "", target, "", Libc.MOVE_MOUNT_F_EMPTY_PATH | Libc.MOVE_MOUNT_T_EMPTY_PATH), "mount pty slave on `/dev/console`");
        }
        finally
        {
            if (tree >= 0)
                Libc.Close(tree);
            if (target >= 0)
                Libc.Close(target);
            Libc.Close(dev);
        }
    }

    private static unsafe int OpenTarget(int dev)
    {
        int created = Libc.OpenAt(dev, "console", Flags.O_WRONLY | Flags.O_CREAT | Flags.O_EXCL | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0x1b6);
        if (created >= 0)
            Libc.Close(created);
        else if (Libc.Errno != Flags.EEXIST)
            throw new SyscallException("create `/dev/console`", Libc.Errno);
        int fd = SyscallException.Check(Libc.OpenAt(dev, "console", Flags.O_PATH | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0), "open `/dev/console`");
        StatBuf st;
        if (Libc.Fstat(fd, out st) < 0)
        {
            int e = Libc.Errno;
            Libc.Close(fd);
            throw new SyscallException("fstat `/dev/console`", e);
        }
        const uint S_IFMT = 0xF000, S_IFREG = 0x8000, S_IFCHR = 0x2000;
        uint type = st.Mode & S_IFMT;
        if (type != S_IFREG && type != S_IFCHR)
        {
            Libc.Close(fd);
            throw new RuntimeException("`/dev/console` in the container is neither a file nor a device: refusing to mount the console on it");
        }
        return fd;
    }
}
