using System.Collections.Generic;
using System.Text;
using OciRuntime.Core.Interop;
using static OciRuntime.Core.Interop.MountConstants;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>
/// Opens a path as if the rootfs were "/" (CVE-2021-30465 and its kin: a mount
/// destination, device or masked path must never be redirected outside the rootfs
/// by a symlink, absolute or relative, planted in the image). openat2 with
/// RESOLVE_IN_ROOT does it in the kernel, atomically; without openat2 (ENOSYS,
/// before Linux 5.6) the same semantics are emulated one component at a time with
/// O_NOFOLLOW, reading each symlink and resolving its target from the root again.
/// Missing components are created with mkdirat/openat on the parent's fd, never
/// by path, so nothing is created through a swapped-in symlink.
/// </summary>
internal static class InRootResolver
{
    const int MaxSymlinks = 40;   // the kernel's MAXSYMLINKS
    const int MaxRetries = 16;
    const uint DirMode = 0x1ED;   // 0755
    const uint FileMode = 0x1A4;  // 0644

    /// <summary>Cleared on the first ENOSYS; tests clear it to exercise the fallback.</summary>
    internal static bool UseOpenAt2 = true;

    /// <returns>An O_PATH|O_CLOEXEC fd the caller owns.</returns>
    public static int Open(int rootFd, string path, MissingPath missing)
    {
        string relative = path.TrimStart('/');
        if (relative.Length == 0)
            relative = ".";
        if (UseOpenAt2)
        {
            for (int attempt = 0; ; attempt++)
            {
                int fd = OpenAt2InRoot(rootFd, relative);
                if (fd >= 0)
                    return fd;
                int errno = Libc.Errno;
                if (errno == ENOSYS)
                {
                    UseOpenAt2 = false;
                    break;
                }
                // EAGAIN: a concurrent rename made the kernel give up on a safe walk.
                if (errno == Flags.EAGAIN && attempt < MaxRetries)
                    continue;
                if (errno == Flags.ENOENT && missing != MissingPath.Fail)
                {
                    // Usually only the last component is missing (a mount point
                    // under an existing directory): create it there.
                    fd = CreateLast(rootFd, relative, path, missing);
                    if (fd >= 0)
                        return fd;
                    break;
                }
                throw new SyscallException($"open `{path}` in the rootfs", errno);
            }
        }
        return Walk(rootFd, path, missing);
    }

    /// <summary>
    /// Creates the last component of <paramref name="relative"/> in its parent,
    /// which must exist (opened in the root as any other path), and opens it
    /// without following a symlink. -1 when that does not settle it (a missing
    /// parent, a symlink in the last place): the walk then takes over.
    /// </summary>
    static int CreateLast(int rootFd, string relative, string path, MissingPath missing)
    {
        int slash = relative.LastIndexOf('/');
        string name = relative[(slash + 1)..];
        if (name is "" or "." or "..")
            return -1;
        int parent = slash < 0
            ? Libc.OpenAt(rootFd, ".", Flags.O_PATH | Flags.O_DIRECTORY | Flags.O_CLOEXEC, 0)
            : OpenAt2InRoot(rootFd, relative[..slash]);
        if (parent < 0)
            return -1;
        try
        {
            Create(parent, name, missing == MissingPath.CreateFile, path);
            int fd = Libc.OpenAt(parent, name, Flags.O_PATH | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0);
            if (fd < 0)
                return -1;
            if (StatFd(fd, path).FileType == S_IFLNK)
            {
                Libc.Close(fd);
                return -1;
            }
            return fd;
        }
        finally
        {
            Libc.Close(parent);
        }
    }

    static unsafe int OpenAt2InRoot(int dirfd, string relative)
    {
        var how = new OpenHow
        {
            Flags = (ulong)(Flags.O_PATH | Flags.O_CLOEXEC),
            Resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
        };
        return (int)Libc.OpenAt2(SYS_openat2, dirfd, relative, &how, (nuint)sizeof(OpenHow));
    }

    /// <summary>
    /// RESOLVE_IN_ROOT by hand: a stack of O_PATH directory fds from the root down;
    /// ".." pops (never above the root), an absolute symlink target restarts at the root.
    /// </summary>
    static int Walk(int rootFd, string path, MissingPath missing)
    {
        var stack = new List<int> { Check(Libc.OpenAt(rootFd, ".", Flags.O_PATH | Flags.O_DIRECTORY | Flags.O_CLOEXEC, 0), path) };
        var pending = new Stack<string>();
        Push(pending, path);
        int links = 0, retries = 0;
        try
        {
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (name.Length == 0 || name == ".")
                    continue;
                if (name == "..")
                {
                    if (stack.Count > 1)
                    {
                        Libc.Close(stack[^1]);
                        stack.RemoveAt(stack.Count - 1);
                    }
                    continue;
                }
                bool last = pending.Count == 0;
                int dir = stack[^1];
                int fd = Libc.OpenAt(dir, name, Flags.O_PATH | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0);
                if (fd < 0)
                {
                    int errno = Libc.Errno;
                    if (errno != Flags.ENOENT || missing == MissingPath.Fail || ++retries > MaxRetries)
                        throw new SyscallException($"open `{path}` in the rootfs", errno);
                    Create(dir, name, last && missing == MissingPath.CreateFile, path);
                    pending.Push(name);
                    continue;
                }
                var status = StatFd(fd, path);
                if (status.FileType == S_IFLNK)
                {
                    string target;
                    try { target = ReadLink(fd, path); }
                    finally { Libc.Close(fd); }
                    if (++links > MaxSymlinks)
                        throw new SyscallException($"open `{path}` in the rootfs", ELOOP);
                    if (target.StartsWith('/'))
                        while (stack.Count > 1)
                        {
                            Libc.Close(stack[^1]);
                            stack.RemoveAt(stack.Count - 1);
                        }
                    Push(pending, target);
                    continue;
                }
                if (!last && !status.IsDirectory)
                {
                    Libc.Close(fd);
                    throw new SyscallException($"open `{path}` in the rootfs", ENOTDIR);
                }
                stack.Add(fd);
            }
            int result = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return result;
        }
        finally
        {
            foreach (int fd in stack)
                Libc.Close(fd);
        }
    }

    static void Create(int dir, string name, bool file, string path)
    {
        if (file)
        {
            int fd = Libc.OpenAt(dir, name, Flags.O_CREAT | Flags.O_EXCL | Flags.O_WRONLY | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, FileMode);
            if (fd >= 0)
                Libc.Close(fd);
            else if (Libc.Errno != Flags.EEXIST)
                throw new SyscallException($"create `{path}` in the rootfs", Libc.Errno);
        }
        else if (Libc.MkdirAt(dir, name, DirMode) < 0 && Libc.Errno != Flags.EEXIST)
            throw new SyscallException($"mkdir `{path}` in the rootfs", Libc.Errno);
    }

    static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (int i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
        // An absolute target restarts at the root; the leading "" is skipped by the loop.
    }

    internal static NodeStatus StatFd(int fd, string what)
    {
        if (Libc.Fstat(fd, out StatBuf buffer) < 0)
            throw new SyscallException($"stat `{what}`", Libc.Errno);
        return new NodeStatus(buffer.Mode, buffer.Rdev);
    }

    static unsafe string ReadLink(int fd, string what)
    {
        var buffer = new byte[4096];
        fixed (byte* p = buffer)
        {
            // An O_PATH|O_NOFOLLOW fd of a symlink reads with an empty path (readlinkat(2)).
            nint n = Libc.ReadlinkAt(fd, "", p, (nuint)buffer.Length);
            if (n < 0)
                throw new SyscallException($"readlink `{what}`", Libc.Errno);
            return Encoding.UTF8.GetString(buffer, 0, (int)n);
        }
    }

    static int Check(int result, string path) =>
        result >= 0 ? result : throw new SyscallException($"open `{path}` in the rootfs", Libc.Errno);
}
