using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// A user namespace that exists only to carry a mount's id mapping
/// (mount_setattr(2) takes the mapping from a user namespace fd). The
/// runtime cannot unshare one itself (it is multi-threaded), so it starts its
/// own binary as a bootstrap that only creates a user namespace and waits;
/// once the maps are written the namespace is held by an fd and the process
/// is killed: the fd keeps the namespace alive.
/// </summary>
public static class HelperUserNamespace
{
    const int SyncTarget = 3;

    public static SafeFileHandle Create(IReadOnlyList<IdMapping> uids, IReadOnlyList<IdMapping> gids)
    {
        var (parent, child) = SyncSocket.CreatePair();
        int pid = -1;
        try
        {
            pid = Spawn(child.Fd);
            child.Dispose();
            parent.Send(string.Create(CultureInfo.InvariantCulture, $"clone {UserNsConstants.CLONE_NEWUSER}\n"));
            var reply = parent.ReceiveString()?.TrimEnd('\n');
            if (reply is null || !reply.StartsWith("wait", StringComparison.Ordinal))
                throw new RuntimeException($"user namespace for an id-mapped mount: {(reply is null ? "helper exited" : reply)}");
            IdMapWriter.Write(pid, uids, gids, "mounts");
            string path = $"/proc/{pid}/ns/user";
            int fd = SyscallException.Check(Libc.Open(path, Flags.O_RDONLY | Flags.O_CLOEXEC, 0), $"open `{path}`");
            return new SafeFileHandle(fd, ownsHandle: true);
        }
        finally
        {
            child.Dispose();
            parent.Dispose();
            if (pid > 0)
            {
                ProcessControl.Kill(pid, 9);
                while (Libc.Waitpid(pid, out _, 0) < 0 && Libc.Errno == Flags.EINTR)
                {
                }
            }
        }
    }

    // The helper is a bootstrap like the container's: same spawn.
    static int Spawn(int childFd) => InitLauncher.Spawn("/proc/self/exe", childFd, SyncTarget);
}
