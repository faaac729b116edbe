using System;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>
/// The container's pseudo-terminal, created by the init from the
/// container's own /dev/ptmx after pivot_root, so the pty belongs to the
/// container's devpts instance (as runc does; config.md "terminal").
/// </summary>
public static class Pty
{
    /// <summary>Opens a master and its slave. The slave comes from TIOCGPTPEER, never from a /dev/pts path the container could redirect.</summary>
    public static unsafe (int Master, int Slave) Open()
    {
        int master = SyscallException.Check(Libc.Open("/dev/ptmx", Flags.O_RDWR | Flags.O_NOCTTY | Flags.O_CLOEXEC, 0), "open `/dev/ptmx`");
        try
        {
            int unlock = 0;
            SyscallException.Check(Libc.Ioctl(master, TerminalConstants.TIOCSPTLCK, &unlock), "unlockpt");
            int slave = SyscallException.Check(
                Libc.Ioctl(master, TerminalConstants.TIOCGPTPEER, Flags.O_RDWR | Flags.O_NOCTTY | Flags.O_CLOEXEC), "open pty slave");
            EnsurePtySlave(slave);
            return (master, slave);
        }
        catch
        {
            Libc.Close(master);
            throw;
        }
    }

    /// <summary>The pts number of a master (ptsname without the path).</summary>
    public static unsafe int Number(int master)
    {
        int n;
        SyscallException.Check(Libc.Ioctl(master, TerminalConstants.TIOCGPTN, &n), "ptsname");
        return n;
    }

    /// <summary>
    /// CVE-2025-52565: whatever is bind-mounted onto /dev/console must be a
    /// pty slave, not a host file reached through a redirected path.
    /// </summary>
    public static unsafe void EnsurePtySlave(int fd)
    {
        StatBuf st;
        SyscallException.Check(Libc.Fstat(fd, out st), "fstat pty slave");
        uint major = (uint)(((st.Rdev >> 8) & 0xfff) | ((st.Rdev >> 32) & ~0xfffUL));
        const uint S_IFMT = 0xF000, S_IFCHR = 0x2000;
        if ((st.Mode & S_IFMT) != S_IFCHR || major < TerminalConstants.PtySlaveMajorFirst || major > TerminalConstants.PtySlaveMajorLast)
            throw new RuntimeException("pty slave is not a unix98 pseudo-terminal device");
    }

    public static unsafe void SetSize(int fd, ushort rows, ushort columns)
    {
        var ws = new WindowSize { Rows = rows, Columns = columns };
        SyscallException.Check(Libc.Ioctl(fd, TerminalConstants.TIOCSWINSZ, &ws), "set terminal size");
    }

    /// <summary>The window size of a terminal; null when fd is not one.</summary>
    public static unsafe WindowSize? GetSize(int fd)
    {
        WindowSize ws;
        return Libc.Ioctl(fd, TerminalConstants.TIOCGWINSZ, &ws) == 0 ? ws : null;
    }

    /// <summary>
    /// Makes the slave the controlling terminal of a new session and the
    /// process's stdin, stdout and stderr. The caller must not be a process
    /// group leader (the init is a forked child, so it is not).
    /// </summary>
    public static void BecomeControllingTerminal(int slave)
    {
        SyscallException.Check(Libc.Setsid(), "setsid");
        SyscallException.Check(Libc.Ioctl(slave, TerminalConstants.TIOCSCTTY, 0), "set controlling terminal");
        for (int fd = 0; fd <= 2; fd++)
            SyscallException.Check(Libc.Dup3(slave, fd, 0), $"dup pty slave onto fd {fd}");
    }

    public static ushort Clamp(uint value) => (ushort)Math.Min(value, ushort.MaxValue);
}
