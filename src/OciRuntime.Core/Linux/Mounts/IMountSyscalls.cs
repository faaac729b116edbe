using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>
/// Every side effect of <see cref="RootfsSetup"/>. <see cref="MountSyscalls"/> is the
/// real one; tests pass a recording fake. Failures throw <see cref="SyscallException"/>.
/// </summary>
public interface IMountSyscalls
{
    void Mount(string? source, string target, string? fsType, MountFlags flags, string? data);
    /// <summary>umount2(target, MNT_DETACH).</summary>
    void UnmountDetached(string target);
    /// <summary>mount_setattr(fd, "", AT_EMPTY_PATH [| AT_RECURSIVE]).</summary>
    void SetMountAttributes(SafeFileHandle mount, bool recursive, MountAttributes set, MountAttributes clear);
    /// <summary>statfs f_flags of the mount <paramref name="mount"/> is on, as MS_* flags (the ones a user namespace may find locked).</summary>
    MountFlags MountFlagsOf(SafeFileHandle mount);
    string ReadMountInfo();
    /// <summary>move_mount(2) of a detached tree (open_tree) onto an open target.</summary>
    void MoveMount(SafeFileHandle detached, SafeFileHandle target);
    /// <summary>O_PATH open of a host path, following symlinks (host paths are chosen by the config's author).</summary>
    SafeFileHandle OpenHostPath(string path);
    /// <summary>The absolute path the kernel reports for an open file (readlink of /proc/self/fd/N).</summary>
    string PathOf(SafeFileHandle handle);
    bool HostPathExists(string path);
    /// <summary>
    /// O_PATH open of <paramref name="path"/> resolved with <paramref name="root"/> as "/":
    /// symlinks (absolute or with "..") never leave it, magic links are refused.
    /// </summary>
    SafeFileHandle OpenInRoot(SafeFileHandle root, string path, MissingPath missing);
    NodeStatus Stat(SafeFileHandle handle);
    /// <summary>mknodat(dir, name); an existing file is kept. Returns an O_PATH|O_NOFOLLOW handle of what is at name.</summary>
    SafeFileHandle MakeNode(SafeFileHandle directory, string name, uint mode, ulong device);
    /// <summary>symlinkat(target, dir, name); an existing file is kept unless <paramref name="replace"/>.</summary>
    void Symlink(SafeFileHandle directory, string name, string target, bool replace);
    void Chmod(SafeFileHandle node, uint mode);
    void Chown(SafeFileHandle node, uint uid, uint gid);
    void PivotRoot(string newRoot, string putOld);
    void Chdir(string path);
    void Fchdir(SafeFileHandle directory);
    void Chroot(string path);
}
