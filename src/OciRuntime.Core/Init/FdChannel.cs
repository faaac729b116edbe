using System;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using static OciRuntime.Core.Interop.UserNsConstants;

namespace OciRuntime.Core.Init;

/// <summary>
/// Hands descriptors from the runtime to the container init over the sync
/// socket: one "WORD N" message carrying N descriptors (SCM_RIGHTS). Used
/// for what the init cannot open itself: id-mapped mount trees ("mountfds";
/// id-mapping a host filesystem needs CAP_SYS_ADMIN in the user namespace
/// that owns its superblock, the host's) and the cgroup files it joins
/// through, after the exec FIFO ("fds"; the kernel checks the opener's credentials).
/// </summary>
public static class FdChannel
{
    const int HeaderSize = 16; // struct cmsghdr on x86_64: size_t len, int level, int type
    const int MSG_CMSG_CLOEXEC = 0x40000000;
    /// <summary>The kernel's SCM_MAX_FD.</summary>
    public const int MaxFds = 253;

    public static unsafe void Send(SyncSocket socket, string word, ReadOnlySpan<int> fds)
    {
        if (fds.Length > MaxFds)
            throw new RuntimeException($"sync socket: more than {MaxFds} descriptors for \"{word}\"");
        var text = Encoding.ASCII.GetBytes($"{word} {fds.Length}");
        int space = HeaderSize + Align8(fds.Length * 4);
        byte* control = stackalloc byte[space];
        new Span<byte>(control, space).Clear();
        *(nuint*)control = (nuint)(HeaderSize + fds.Length * 4);
        *(int*)(control + 8) = SOL_SOCKET;
        *(int*)(control + 12) = SCM_RIGHTS;
        for (int i = 0; i < fds.Length; i++)
            ((int*)(control + HeaderSize))[i] = fds[i];
        fixed (byte* p = text)
        {
            var iov = new UserNsIoVec { Base = p, Len = (nuint)text.Length };
            var msg = new UserNsMsgHdr { Iov = &iov, IovLen = 1, Control = fds.Length == 0 ? null : control, ControlLen = fds.Length == 0 ? 0 : (nuint)space };
            nint n;
            do
            {
                n = Libc.SendMsgFds(socket.Fd, &msg, Libc.MSG_NOSIGNAL);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
            if (n < 0)
                throw new SyscallException($"send \"{word}\" descriptors to sync socket", Libc.Errno);
        }
    }

    /// <param name="what">What the descriptors are, for messages ("id-mapped mounts").</param>
    /// <returns>The descriptors, close-on-exec, in the order they were sent.</returns>
    public static unsafe SafeFileHandle[] Receive(SyncSocket socket, string word, int expected, string what)
    {
        var text = new byte[64];
        int space = HeaderSize + Align8(MaxFds * 4);
        byte* control = stackalloc byte[space];
        nint n;
        UserNsMsgHdr msg;
        fixed (byte* p = text)
        {
            var iov = new UserNsIoVec { Base = p, Len = (nuint)text.Length };
            msg = new UserNsMsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = (nuint)space };
            do
            {
                n = Libc.RecvMsgFds(socket.Fd, &msg, MSG_CMSG_CLOEXEC);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
        }
        if (n < 0)
            throw new SyscallException($"receive {what} from sync socket", Libc.Errno);
        if (n == 0)
            throw new RuntimeException($"runtime went away before sending the {what}");
        var head = Encoding.ASCII.GetString(text, 0, (int)n);
        int count = 0;
        if (msg.ControlLen >= HeaderSize && *(int*)(control + 8) == SOL_SOCKET && *(int*)(control + 12) == SCM_RIGHTS)
            count = (int)((*(nuint*)control - HeaderSize) / 4);
        var result = new SafeFileHandle[count];
        for (int i = 0; i < count; i++)
            result[i] = new SafeFileHandle(((int*)(control + HeaderSize))[i], ownsHandle: true);
        if (head != $"{word} {expected}" || count != expected)
        {
            foreach (var h in result)
                h.Dispose();
            throw new RuntimeException($"sync socket: expected {expected} {what}, got \"{head}\" with {count} descriptors");
        }
        return result;
    }

    static int Align8(int n) => (n + 7) & ~7;
}
