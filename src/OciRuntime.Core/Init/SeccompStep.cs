using System;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Seccomp;

namespace OciRuntime.Core.Init;

/// <summary>
/// Loading the seccomp filter in an init about to execve (the container's
/// and an exec's): the filter binds the runtime's remaining syscalls too.
/// </summary>
internal static class SeccompStep
{
    private const long NoGcBytes = 4 << 20;

    /// <returns>The notify listener fd, or -1.</returns>
    public static int Load(InitRequest request)
    {
        // Profiles that deny close_range (runtime-tools' default does) would
        // make the marking before execve fail silently: mark while it is
        // still allowed.
        Libc.CloseRange((uint)(3 + request.PreserveFds), uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC);
        // No garbage collection under the filter: suspending threads uses
        // membarrier(2) and a background GC would create a thread (clone3),
        // both commonly denied by profiles. The allocations left before
        // execve are small.
        GC.TryStartNoGCRegion(NoGcBytes);
        return SeccompLoader.Load(request.Seccomp!);
    }

    /// <summary>
    /// SCMP_ACT_NOTIFY: the runtime forwards the descriptor to the agent at
    /// linux.seccomp.listenerPath and answers once it is sent; until then no
    /// notified syscall may run here (the planner keeps ours off the list).
    /// The container init and an exec'd process hand theirs over alike.
    /// </summary>
    public static void HandOver(SyncSocket socket, int notifyFd)
    {
        try
        {
            InitProcess.Send(socket, new InitMessage { Type = "seccomp-fd" });
            ScmRights.Send(socket.Fd, "seccompFd"u8, notifyFd, "send seccomp notify fd to the runtime");
        }
        finally
        {
            Libc.Close(notifyFd);
        }
        var reply = InitProcess.Receive(socket);
        if (reply.Type == "error")
            throw new RuntimeException(reply.Message ?? "seccomp agent unreachable");
    }
}
