using System;
using System.IO;
using System.Runtime.CompilerServices;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux;

/// <summary>
/// `run` in the foreground: waits for the container init on the calling
/// thread, forwarding signals to it, without a signal-handling thread. A
/// thread costs its creation and, at exit, exit_group(2) returns to the
/// caller only once every thread has been scheduled to die (13 ms measured
/// on a loaded machine). The forwarded signals and SIGCHLD are blocked in
/// every thread and read from a signalfd(2) in one poll(2) loop.
/// </summary>
public static class ForegroundWait
{
    private const int Sigchld = 17;

    /// <summary>
    /// Waits for <paramref name="pid"/> (a child, or an orphan this
    /// subreaper inherited) and returns its shell-style exit code (status,
    /// or 128 + signal), sending it each of <paramref name="forwarded"/> the
    /// runtime receives meanwhile. Null, having changed nothing, when the
    /// signals cannot be kept from another thread of the process: the
    /// caller then forwards them some other way.
    /// </summary>
    public static unsafe int? Run(int pid, ReadOnlySpan<int> forwarded)
    {
        var set = WithSigchld(forwarded);
        SigSet old;
        // pthread_sigmask returns the error number instead of setting errno.
        if (Libc.PthreadSigmask(WaitFlags.SIG_BLOCK, &set, &old) is var err and not 0)
            throw new SyscallException("pthread_sigmask", err);
        int sfd = -1;
        try
        {
            // A signal goes to any thread that does not block it: the
            // runtime's finalizer thread, started before Main, must block
            // these too or it would take (and drop) them.
            if (!AllThreadsBlock(set[0]))
            {
                if (!_prepared)
                    Prepare(forwarded);
                GC.WaitForPendingFinalizers();
                if (!AllThreadsBlock(set[0]))
                    return null;
            }
            sfd = Check(Libc.Signalfd(-1, &set, WaitFlags.SFD_CLOEXEC | WaitFlags.SFD_NONBLOCK), "signalfd");
            return Loop(pid, sfd);
        }
        finally
        {
            if (sfd >= 0)
            {
                // Whatever came after the exit went to a process that is gone.
                Drain(sfd, pid);
                Libc.Close(sfd);
            }
            Libc.PthreadSigmask(WaitFlags.SIG_SETMASK, &old, null);
        }
    }

    private static unsafe int Loop(int pid, int sfd)
    {
        var p = new PollFd { Fd = sfd, Events = WaitFlags.POLLIN };
        while (true)
        {
            // Reaped before the first poll too: the init may have exited
            // before SIGCHLD was blocked, and that SIGCHLD is gone.
            if (ReapAll(pid) is { } code)
                return code;
            int r = Libc.Poll(&p, 1, -1);
            if (r < 0 && Libc.Errno != Flags.EINTR)
                throw new SyscallException("poll signalfd", Libc.Errno);
            Drain(sfd, pid);
        }
    }

    /// <summary>Reads every pending signal, forwarding all but SIGCHLD.</summary>
    private static unsafe void Drain(int sfd, int pid)
    {
        const int Size = WaitFlags.SignalfdSiginfoSize;
        var buffer = stackalloc byte[Size * 8];
        while (true)
        {
            long n = Libc.Read(sfd, buffer, Size * 8);
            if (n <= 0)
            {
                if (n < 0 && Libc.Errno == Flags.EINTR)
                    continue;
                return; // EAGAIN: nothing more pending
            }
            for (long off = 0; off + Size <= n; off += Size)
            {
                int signo = *(int*)(buffer + off);
                if (signo != Sigchld)
                    ProcessControl.Kill(pid, signo);
            }
        }
    }

    /// <summary>
    /// Reaps every exited child without blocking (as a child subreaper the
    /// runtime inherits what the container orphans); the awaited one's exit
    /// code when it was among them.
    /// </summary>
    private static int? ReapAll(int pid)
    {
        while (true)
        {
            int r = Libc.Waitpid(-1, out int status, Libc.WNOHANG);
            if (r == pid)
                return ProcessControl.ExitCode(status);
            if (r > 0)
                continue;
            if (r == 0)
                return null; // children left, none exited yet
            int errno = Libc.Errno;
            if (errno == Flags.EINTR)
                continue;
            // ECHILD: the awaited process is no child of ours, and no signal
            // would ever tell its exit (as a blocking wait would fail too).
            throw new SyscallException($"wait for `{pid}`", errno);
        }
    }

    /// <summary>Whether every thread of the process has all of <paramref name="mask"/> blocked (SigBlk of /proc/self/task/*/status).</summary>
    private static bool AllThreadsBlock(ulong mask)
    {
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (Lifecycle.SmallFile.TryReadText(Path.Combine(task, "status")) is not { } status)
                continue; // a thread that has exited meanwhile
            int at = status.IndexOf("\nSigBlk:", StringComparison.Ordinal);
            if (at < 0)
                return false;
            var rest = status.AsSpan(at + 8).TrimStart();
            int end = rest.IndexOf('\n');
            if (!ulong.TryParse(end < 0 ? rest : rest[..end], System.Globalization.NumberStyles.HexNumber, null, out var blocked)
                || (blocked & mask) != mask)
                return false;
        }
        return true;
    }

    private static bool _prepared;
    // The threads the runtime started before Main block the signals already
    // (the C constructor blocked them in the only thread there was).
    private static bool _startedBlocked;

    /// <summary>
    /// First thing for every command: gives the main thread back the signal
    /// mask it had before the C constructor blocked `run`'s signals, if it
    /// did. The runtime's other threads keep them blocked, which is what
    /// <see cref="Prepare"/> would arrange for `run`; for any other command
    /// a signal then goes to the main thread, as it would anyway.
    /// </summary>
    public static unsafe void RestoreStartupMask()
    {
        if (!NativeStartup.TryGetMaskBeforeRunBlock(out var before))
            return;
        Libc.PthreadSigmask(WaitFlags.SIG_SETMASK, &before, null);
        _startedBlocked = true;
    }

    /// <summary>
    /// Has the finalizer thread block the signals <see cref="Run"/> will
    /// wait for, ahead of time. That thread runs no code of ours except
    /// finalizers: a collection of an object whose finalizer blocks them
    /// does it. Called first thing, the collection finds an almost empty
    /// heap (0.1 ms; after `create` it took 3 ms), and the finalizer
    /// runs while `create` works. Blocking there alone changes nothing:
    /// signals still go to the main thread until <see cref="Run"/>. Not
    /// needed when those threads started with them blocked (<see cref="RestoreStartupMask"/>).
    /// </summary>
    public static unsafe void Prepare(ReadOnlySpan<int> forwarded)
    {
        var set = WithSigchld(forwarded);
        if (!_startedBlocked)
        {
            Abandon(set);
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
        // Blocked in the main thread too from here on: a signal that comes
        // while the container is being created stays pending, and Run
        // forwards it once the container runs (as runc does), instead of
        // killing the runtime halfway through create (TERM, HUP) or being
        // lost (INT ignored in a background job: blocked signals queue).
        SigSet old;
        if (Libc.PthreadSigmask(WaitFlags.SIG_BLOCK, &set, &old) is var err and not 0)
            throw new SyscallException("pthread_sigmask", err);
        _beforePrepare = old;
        _prepared = true;
    }

    private static SigSet _beforePrepare;

    /// <summary>
    /// Undoes <see cref="Prepare"/>'s blocking in the calling thread, for a
    /// caller that forwards signals with handlers instead (the terminal path):
    /// what came meanwhile is delivered then.
    /// </summary>
    public static unsafe void Release()
    {
        if (!_prepared)
            return;
        var old = _beforePrepare;
        Libc.PthreadSigmask(WaitFlags.SIG_SETMASK, &old, null);
    }

    private static SigSet WithSigchld(ReadOnlySpan<int> forwarded)
    {
        Span<int> all = stackalloc int[forwarded.Length + 1];
        forwarded.CopyTo(all);
        all[^1] = Sigchld;
        return SigSet.Of(all);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Abandon(SigSet set) => _ = new SignalBlocker(set);

    private static int Check(int r, string what) => r < 0 ? throw new SyscallException(what, Libc.Errno) : r;
}
