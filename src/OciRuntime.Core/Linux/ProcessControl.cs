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
                return ExitCode(status);
            if (r < 0 && Libc.Errno != Flags.EINTR)
                throw new SyscallException($"wait for `{pid}`", Libc.Errno);
        }
    }

    /// <summary>A wait(2) status as a shell reports it: the exit status, or 128 + the signal that killed it.</summary>
    public static int ExitCode(int status)
    {
        int sig = status & 0x7f;
        return sig == 0 ? (status >> 8) & 0xff : 128 + sig;
    }

    /// <summary>
    /// Waits until a process (our child or not) is gone, or the timeout
    /// passes: on a pidfd, which poll(2) reports readable the moment the
    /// process exits, or by polling /proc where pidfds are refused.
    /// </summary>
    public static bool WaitGone(int pid, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        // Reap it if it happens to be our child (run, or a subreaper).
        Libc.Waitpid(pid, out _, Libc.WNOHANG);
        if (!IsAlive(pid))
            return true;
        int pidfd = OpenPidfd(pid);
        if (pidfd == PidGone)
        {
            Libc.Waitpid(pid, out _, Libc.WNOHANG);
            return true;
        }
        if (pidfd < 0)
            return WaitGoneBySleeping(pid, deadline);
        try
        {
            bool exited = WaitReadable(pidfd, deadline);
            Libc.Waitpid(pid, out _, Libc.WNOHANG);
            return exited || !IsAlive(pid);
        }
        finally
        {
            Libc.Close(pidfd);
        }
    }

    /// <summary><see cref="OpenPidfd"/>: the process no longer exists.</summary>
    internal const int PidGone = -2;

    /// <summary>
    /// pidfd_open(2); -1 where the kernel lacks it (before 5.3), a seccomp
    /// filter of our caller refuses it (ENOSYS/EPERM) or it fails otherwise,
    /// <see cref="PidGone"/> when the process has gone.
    /// </summary>
    internal static int OpenPidfd(int pid)
    {
        int fd = Libc.PidfdOpen(pid, 0);
        if (fd >= 0)
            return fd;
        int errno = Libc.Errno;
        if (errno == Flags.ESRCH)
            return PidGone;
        // ENOSYS or EPERM (old kernel, seccomp), or EINVAL for a thread: the
        // caller's /proc loop still works for those.
        return -1;
    }

    /// <summary>poll(2) for POLLIN on one fd until the deadline (TickCount64 ms); false on timeout.</summary>
    internal static unsafe bool WaitReadable(int fd, long deadline)
    {
        var p = new PollFd { Fd = fd, Events = WaitFlags.POLLIN };
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            if (left < 0)
                return false;
            int r = Libc.Poll(&p, 1, (int)Math.Min(left, int.MaxValue));
            if (r > 0)
                return true;
            if (r < 0 && Libc.Errno != Flags.EINTR)
                throw new SyscallException("poll", Libc.Errno);
        }
    }

    private static bool WaitGoneBySleeping(int pid, long deadline)
    {
        int delay = 1;
        while (true)
        {
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
        return Lifecycle.SmallFile.TryReadText($"/proc/{pid}/stat") is { } text
            && Lifecycle.ProcStat.Parse(text) is { HasExited: false };
    }
}
