using System;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// One message carrying a payload and one descriptor (SCM_RIGHTS,
/// unix(7)), and the AF_UNIX stream connection to a seccomp agent.
/// Layouts are x86_64's struct msghdr (56 bytes) and struct cmsghdr (16).
/// </summary>
public static class ScmRights
{
    private const int MsgHdrSize = 56;
    private const int CmsgHeader = 16;
    private const int CmsgSpace = 24; // CMSG_SPACE(sizeof(int))
    private const int CmsgLen = 20;   // CMSG_LEN(sizeof(int))
    private const int SunPathMax = 108;

    /// <summary>sendmsg of <paramref name="payload"/> with <paramref name="fd"/> attached; all of the payload is sent.</summary>
    public static unsafe void Send(int socket, ReadOnlySpan<byte> payload, int fd, string what)
    {
        if (payload.Length == 0)
            throw new ArgumentException("SCM_RIGHTS needs at least one byte of payload", nameof(payload));
        byte* control = stackalloc byte[CmsgSpace];
        new Span<byte>(control, CmsgSpace).Clear();
        *(ulong*)control = CmsgLen;
        *(int*)(control + 8) = Libc.SOL_SOCKET;
        *(int*)(control + 12) = Libc.SCM_RIGHTS;
        *(int*)(control + CmsgHeader) = fd;

        fixed (byte* data = payload)
        {
            int sent = 0;
            bool first = true;
            while (sent < payload.Length)
            {
                // config-linux.md: with several sendmsg calls, descriptors travel only in the first.
                nint n = SendOnce(socket, data + sent, payload.Length - sent, first ? control : null);
                if (n < 0)
                {
                    if (Libc.Errno == Flags.EINTR)
                        continue;
                    throw new SyscallException(what, Libc.Errno);
                }
                sent += (int)n;
                first = false;
            }
        }
    }

    private static unsafe nint SendOnce(int socket, byte* data, int length, byte* control)
    {
        byte* iov = stackalloc byte[16];
        *(byte**)iov = data;
        *(ulong*)(iov + 8) = (ulong)length;
        byte* msg = stackalloc byte[MsgHdrSize];
        new Span<byte>(msg, MsgHdrSize).Clear();
        *(byte**)(msg + 16) = iov;
        *(ulong*)(msg + 24) = 1;
        if (control != null)
        {
            *(byte**)(msg + 32) = control;
            *(ulong*)(msg + 40) = CmsgSpace;
        }
        return Libc.SendMsgRights(socket, msg, Libc.MSG_NOSIGNAL);
    }

    /// <summary>recvmsg of one message; returns the descriptor it carried (close-on-exec), or throws if it had none.</summary>
    public static unsafe int Receive(int socket, string what)
    {
        byte* data = stackalloc byte[256];
        byte* control = stackalloc byte[CmsgSpace];
        new Span<byte>(control, CmsgSpace).Clear();
        byte* iov = stackalloc byte[16];
        *(byte**)iov = data;
        *(ulong*)(iov + 8) = 256;
        byte* msg = stackalloc byte[MsgHdrSize];
        new Span<byte>(msg, MsgHdrSize).Clear();
        *(byte**)(msg + 16) = iov;
        *(ulong*)(msg + 24) = 1;
        *(byte**)(msg + 32) = control;
        *(ulong*)(msg + 40) = CmsgSpace;
        nint n;
        do
            n = Libc.RecvMsgRights(socket, msg, Libc.MSG_CMSG_CLOEXEC);
        while (n < 0 && Libc.Errno == Flags.EINTR);
        if (n < 0)
            throw new SyscallException(what, Libc.Errno);
        ulong controlLength = *(ulong*)(msg + 40);
        if (n == 0 || controlLength < CmsgLen || *(int*)(control + 8) != Libc.SOL_SOCKET || *(int*)(control + 12) != Libc.SCM_RIGHTS)
            throw new RuntimeException($"{what}: no descriptor in the message");
        return *(int*)(control + CmsgHeader);
    }

    /// <summary>A connected AF_UNIX SOCK_STREAM socket (close-on-exec); the caller closes it.</summary>
    public static unsafe int ConnectStream(string path)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length == 0 || bytes.Length >= SunPathMax)
            throw new RuntimeException($"unix socket path `{path}` must be 1 to {SunPathMax - 1} bytes long");
        int fd = SyscallException.Check(Libc.UnixSocket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0), "socket `AF_UNIX`");
        byte* address = stackalloc byte[2 + SunPathMax];
        new Span<byte>(address, 2 + SunPathMax).Clear();
        *(ushort*)address = Libc.AF_UNIX;
        bytes.CopyTo(new Span<byte>(address + 2, SunPathMax));
        int rc;
        do
            rc = Libc.UnixConnect(fd, address, (uint)(2 + bytes.Length + 1));
        while (rc < 0 && Libc.Errno == Flags.EINTR);
        if (rc < 0)
        {
            int errno = Libc.Errno;
            Libc.Close(fd);
            throw new SyscallException($"connect `{path}`", errno);
        }
        return fd;
    }
}
