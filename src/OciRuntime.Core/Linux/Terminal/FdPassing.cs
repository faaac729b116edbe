using System;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>
/// One file descriptor per message over a unix socket (SCM_RIGHTS,
/// unix(7)), with a short text payload: the form engines expect on the
/// console socket (runc sends the master with its name, "/dev/ptmx").
/// </summary>
public static class FdPassing
{
    // CMSG_SPACE(sizeof(int)) on x86_64: 16-byte header + 4 bytes, aligned to 8.
    private const int ControlSpace = 24;
    private const int ControlLength = 20;

    /// <summary>One sendmsg carrying the payload and the descriptor.</summary>
    public static unsafe void Send(int socket, int fd, string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        if (data.Length == 0)
            data = [0];
        byte* control = stackalloc byte[ControlSpace];
        new Span<byte>(control, ControlSpace).Clear();
        *(nuint*)control = ControlLength;
        *(int*)(control + 8) = TerminalConstants.SOL_SOCKET;
        *(int*)(control + 12) = TerminalConstants.SCM_RIGHTS;
        *(int*)(control + 16) = fd;
        fixed (byte* p = data)
        {
            var iov = new IoVector { Base = p, Length = (nuint)data.Length };
            var msg = new MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSpace };
            nint n;
            do
            {
                n = Libc.SendMsg(socket, &msg, Libc.MSG_NOSIGNAL);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
            if (n < 0)
                throw new SyscallException("send file descriptor", Libc.Errno);
        }
    }

    /// <summary>Receives one descriptor (close-on-exec) and its payload.</summary>
    public static unsafe (int Fd, string Payload) Receive(int socket)
    {
        var data = new byte[4096];
        byte* control = stackalloc byte[ControlSpace];
        new Span<byte>(control, ControlSpace).Clear();
        nint n;
        MessageHeader msg;
        fixed (byte* p = data)
        {
            var iov = new IoVector { Base = p, Length = (nuint)data.Length };
            msg = new MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSpace };
            do
            {
                n = Libc.RecvMsg(socket, &msg, TerminalConstants.MSG_CMSG_CLOEXEC);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
        }
        if (n < 0)
            throw new SyscallException("receive file descriptor", Libc.Errno);
        if (msg.ControlLength < ControlLength || *(int*)(control + 8) != TerminalConstants.SOL_SOCKET || *(int*)(control + 12) != TerminalConstants.SCM_RIGHTS)
            throw new RuntimeException("receive file descriptor: the message carried none");
        return (*(int*)(control + 16), Encoding.UTF8.GetString(data, 0, (int)n).TrimEnd('\0'));
    }
}
