using System;
using System.Threading;
using OciRuntime.Core.Interop;


namespace OciRuntime.Core.Linux;

/// <summary>Signals and waits on processes by pid.</summary>
public static class ProcessControl
{
    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Kill(int pid, int signal)
    {
        if (Libc.Kill(pid, signal) == 0)
            return true;
        int errno = Libc.Errno;
        if (errno == Flags.ESRCH)
            return false;
        throw new SyscallException($"kill `{pid}` with signal {signal}", errno);
    }

    /// <summary>
    /// Waits for a child of this process and returns its shell-style exit
    /// code: the exit status, or 128 + the signal that killed it.
    /// </summary>
    public static int WaitChild(int pid)
    {
        while (true)
        {
            // Any child, not just the one awaited: as a child subreaper the
            // runtime inherits what a container without a pid namespace
            // orphans, and those must not stay zombies until it exits.
            int r = Libc.Waitpid(-1, out int status, 0);
            if (r == pid)
            {
                int sig = status & 0x7f;
                return sig == 0 ? (status >> 8) & 0xff : 128 + sig;
            }
            if (r < 0 && Libc.Errno != Flags.EINTR)
                throw new SyscallException($"wait for `{pid}`", Libc.Errno);
        }
    }

    /// <summary>Polls until a process that is not our child is gone, or the timeout passes.</summary>
    public static bool WaitGone(int pid, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int delay = 1;
        while (true)
        {
            // Reap it if it happens to be our child (run, or a subreaper).
            Libc.Waitpid(pid, out _, Libc.WNOHANG);
            if (!IsAlive(pid))
                return true;
            if (Environment.TickCount64 > deadline)
                return false;
            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 50);
        }
    }

    /// <summary>True when the pid exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return Lifecycle.ProcStat.Parse(System.IO.File.ReadAllText($"/proc/{pid}/stat")) is { HasExited: false };
        }
        catch (System.IO.IOException)
        {
            return false;
        }
    }
}
