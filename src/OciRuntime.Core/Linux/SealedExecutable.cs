using System;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux;

/// <summary>
/// CVE-2019-5736: a process inside the container that can reach the init's
/// /proc/PID/exe could write to the runtime binary on the host. Outside a
/// user namespace the init is made non-dumpable (src/native/bootstrap.c);
/// inside one that would also hide /proc/self from the init itself, so the
/// init runs from a sealed in-memory copy of the binary instead: its exe
/// is that copy, which no one can write (F_SEAL_WRITE) or grow.
/// </summary>
public sealed class SealedExecutable : IDisposable
{
    private const int F_ADD_SEALS = 1033;
    private const int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

    private int _fd;

    private SealedExecutable(int fd) => _fd = fd;

    /// <summary>A path that executes the copy, valid in this process and its spawned children.</summary>
    public string Path => $"/proc/self/fd/{_fd}";

    public static unsafe SealedExecutable CopyOfSelf()
    {
        int src = SyscallException.Check(Libc.Open("/proc/self/exe", Flags.O_RDONLY | Flags.O_CLOEXEC, 0), "open `/proc/self/exe`");
        int memfd = -1;
        try
        {
            memfd = SyscallException.Check(Libc.MemfdCreate("ociruntime", Libc.MFD_CLOEXEC | Libc.MFD_ALLOW_SEALING), "memfd_create `ociruntime`");
            while (true)
            {
                var n = Libc.Sendfile(memfd, src, null, 1 << 30);
                if (n == 0)
                    break;
                if (n < 0 && Libc.Errno != Flags.EINTR)
                    throw new SyscallException("copy `/proc/self/exe` to a memfd", Libc.Errno);
            }
            SyscallException.Check(Libc.Fcntl(memfd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE), "seal the runtime copy");
            var result = new SealedExecutable(memfd);
            memfd = -1;
            return result;
        }
        finally
        {
            Libc.Close(src);
            if (memfd >= 0)
                Libc.Close(memfd);
        }
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            Libc.Close(_fd);
            _fd = -1;
        }
    }
}
