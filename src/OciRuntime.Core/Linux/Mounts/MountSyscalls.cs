using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Planning;
using static OciRuntime.Core.Interop.MountConstants;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>The real <see cref="IMountSyscalls"/>: thin calls into libc.</summary>
public sealed class MountSyscalls : IMountSyscalls
{
    public static readonly MountSyscalls Instance = new();

    public void Mount(string? source, string target, string? fsType, MountFlags flags, string? data) =>
        SyscallException.Check(Libc.Mount(source, target, fsType, (ulong)flags, data), $"mount `{source}` on `{target}`");

    public void UnmountDetached(string target) =>
        SyscallException.Check(Libc.Umount2(target, MNT_DETACH), $"umount `{target}`");

    public unsafe void SetMountAttributes(SafeFileHandle mount, bool recursive, MountAttributes set, MountAttributes clear)
    {
        var attr = new MountAttr { AttrSet = (ulong)set, AttrClr = (ulong)clear };
        uint flags = (uint)(AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0));
        if (Libc.MountSetattr(SYS_mount_setattr, Fd(mount), "", flags, &attr, (nuint)sizeof(MountAttr)) < 0)
            throw Failed("mount_setattr", mount);
    }

    public unsafe MountFlags MountFlagsOf(SafeFileHandle mount)
    {
        StatfsBuffer buffer;
        if (Libc.Fstatfs(Fd(mount), &buffer) < 0)
            throw Failed("statfs", mount);
        long f = buffer.Flags;
        var result = MountFlags.None;
        if ((f & ST_RDONLY) != 0) result |= MountFlags.ReadOnly;
        if ((f & ST_NOSUID) != 0) result |= MountFlags.NoSuid;
        if ((f & ST_NODEV) != 0) result |= MountFlags.NoDev;
        if ((f & ST_NOEXEC) != 0) result |= MountFlags.NoExec;
        if ((f & ST_NOATIME) != 0) result |= MountFlags.NoAtime;
        if ((f & ST_NODIRATIME) != 0) result |= MountFlags.NoDirAtime;
        if ((f & ST_RELATIME) != 0) result |= MountFlags.RelAtime;
        if ((f & ST_NOSYMFOLLOW) != 0) result |= MountFlags.NoSymFollow;
        return result;
    }

    public void MoveMount(SafeFileHandle detached, SafeFileHandle target)
    {
        if (Libc.MoveMount(UserNsConstants.SYS_move_mount, Fd(detached), "", Fd(target), "",
                UserNsConstants.MOVE_MOUNT_F_EMPTY_PATH | UserNsConstants.MOVE_MOUNT_T_EMPTY_PATH) < 0)
            throw Failed("move_mount onto", target);
    }

    /// <summary>
    /// The error of the call that just failed, naming the node's path. Only
    /// on failure: finding the path is a readlink of its /proc/self/fd link.
    /// </summary>
    private SyscallException Failed(string call, SafeFileHandle node)
    {
        int errno = Libc.Errno;
        return new SyscallException($"{call} `{PathOf(node)}`", errno);
    }

    public string ReadMountInfo() => File.ReadAllText("/proc/self/mountinfo");

    public SafeFileHandle OpenHostPath(string path) =>
        Own(SyscallException.Check(Libc.Open(path, Flags.O_PATH | Flags.O_CLOEXEC, 0), $"open `{path}`"));

    public unsafe string PathOf(SafeFileHandle handle)
    {
        string link = $"/proc/self/fd/{Fd(handle)}";
        var buffer = new byte[4096];
        fixed (byte* p = buffer)
        {
            nint n = Libc.ReadlinkAt(Flags.AT_FDCWD, link, p, (nuint)buffer.Length);
            if (n < 0)
                throw new SyscallException($"readlink `{link}`", Libc.Errno);
            return Encoding.UTF8.GetString(buffer, 0, (int)n);
        }
    }

    public bool HostPathExists(string path)
    {
        int fd = Libc.Open(path, Flags.O_PATH | Flags.O_CLOEXEC, 0);
        if (fd < 0)
            return false;
        Libc.Close(fd);
        return true;
    }

    public SafeFileHandle OpenInRoot(SafeFileHandle root, string path, MissingPath missing) =>
        Own(InRootResolver.Open(Fd(root), path, missing));

    public NodeStatus Stat(SafeFileHandle handle) => InRootResolver.StatFd(Fd(handle), $"/proc/self/fd/{Fd(handle)}");

    public SafeFileHandle MakeNode(SafeFileHandle directory, string name, uint mode, ulong device)
    {
        if (Libc.MknodAt(Fd(directory), name, mode, device) < 0 && Libc.Errno != Flags.EEXIST)
            throw new SyscallException($"mknod `{name}`", Libc.Errno);
        return Own(SyscallException.Check(
            Libc.OpenAt(Fd(directory), name, Flags.O_PATH | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0), $"open `{name}`"));
    }

    public void Symlink(SafeFileHandle directory, string name, string target, bool replace)
    {
        if (replace && Libc.UnlinkAt(Fd(directory), name, 0) < 0 && Libc.Errno != Flags.ENOENT)
            throw new SyscallException($"unlink `{name}`", Libc.Errno);
        if (Libc.SymlinkAt(target, Fd(directory), name) < 0 && Libc.Errno != Flags.EEXIST)
            throw new SyscallException($"symlink `{name}` -> `{target}`", Libc.Errno);
    }

    // fchmod refuses O_PATH fds; the magic link reaches the node itself without a path walk.
    public void Chmod(SafeFileHandle node, uint mode)
    {
        if (Libc.Chmod($"/proc/self/fd/{Fd(node)}", mode) < 0)
            throw Failed("chmod", node);
    }

    public void Chown(SafeFileHandle node, uint uid, uint gid)
    {
        if (Libc.FchownAt(Fd(node), "", uid, gid, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0)
            throw Failed("chown", node);
    }

    public void PivotRoot(string newRoot, string putOld) =>
        SyscallException.Check(Libc.PivotRoot(SYS_pivot_root, newRoot, putOld), $"pivot_root `{newRoot}`");

    public void Chdir(string path) => SyscallException.Check(Libc.Chdir(path), $"chdir `{path}`");

    public void Fchdir(SafeFileHandle directory)
    {
        if (Libc.Fchdir(Fd(directory)) < 0)
            throw Failed("fchdir", directory);
    }

    public void Chroot(string path) => SyscallException.Check(Libc.Chroot(path), $"chroot `{path}`");

    static int Fd(SafeFileHandle handle) => (int)handle.DangerousGetHandle();

    static SafeFileHandle Own(int fd) => new((IntPtr)fd, ownsHandle: true);
}
