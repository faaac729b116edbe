using System;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>--console-socket: hands the pty master to the caller (containerd's shim, conmon).</summary>
public static class ConsoleSocket
{
    /// <summary>The payload runc sends with the master: its name, which engines may log but not parse.</summary>
    public const string MasterName = "/dev/ptmx";

    /// <summary>Connects to the AF_UNIX stream socket at path and sends the master in one sendmsg.</summary>
    public static unsafe void SendMaster(string path, int master)
    {
        var pathBytes = Encoding.UTF8.GetBytes(path);
        // struct sockaddr_un: sa_family_t, then 108 bytes of NUL-terminated path.
        if (pathBytes.Length >= 108)
            throw new RuntimeException($"--console-socket `{path}`: path too long for a unix socket");
        int fd = SyscallException.Check(Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0), "socket");
        try
        {
            byte* addr = stackalloc byte[110];
            new Span<byte>(addr, 110).Clear();
            *(ushort*)addr = Libc.AF_UNIX;
            pathBytes.CopyTo(new Span<byte>(addr + 2, 108));
            int rc;
            do
            {
                rc = Libc.Connect(fd, addr, (uint)(2 + pathBytes.Length + 1));
            } while (rc < 0 && Libc.Errno == Flags.EINTR);
            if (rc < 0)
                throw new SyscallException($"connect to console socket `{path}`", Libc.Errno);
            FdPassing.Send(fd, master, MasterName);
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}
