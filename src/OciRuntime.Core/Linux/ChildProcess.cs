using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux;

/// <summary>
/// Runs a helper program (a hook, newuidmap, ps) to completion: posix_spawn
/// (forking managed code is unsafe), stdin fed from a buffer, stdout and
/// stderr collected, a timeout, all on the calling thread with poll(2).
/// No System.Diagnostics.Process: it starts threads, which the container
/// init must not (after seccomp, clone3 may be denied), and it drags the
/// pipe and socket machinery into the binary.
/// </summary>
public static class ChildProcess
{
    private const int F_GETFL = 3;
    private const int F_SETFL = 4;
    private const int SIGKILL = 9;
    private const short PollOut = 0x4;

    /// <summary>How it ended: <see cref="ExitCode"/> is the status, or 128+N when killed by signal N.</summary>
    public sealed record Result(int ExitCode, int Signal, bool TimedOut, string Stdout, string Stderr);

    /// <param name="path">The program; without a '/', looked up in PATH.</param>
    /// <param name="argv">The whole argv, argv[0] included.</param>
    /// <param name="env">The whole environment; null passes the runtime's own.</param>
    /// <param name="stdin">Bytes for the child's stdin, then EOF.</param>
    /// <param name="timeout">Kill with SIGKILL after this long; null waits forever.</param>
    /// <param name="outputGrace">After the child exits, how long to wait for pipes held open by its descendants.</param>
    /// <exception cref="SyscallException">The program could not be started.</exception>
    public static unsafe Result Run(string path, IReadOnlyList<string> argv, IReadOnlyList<string>? env, ReadOnlySpan<byte> stdin, TimeSpan? timeout, TimeSpan outputGrace)
    {
        var fds = new List<int>();
        int inR = -1, inW = -1, outR = -1, outW = -1, errR = -1, errW = -1, pidfd = -1;
        try
        {
            (inR, inW) = Pipe(fds);
            (outR, outW) = Pipe(fds);
            (errR, errW) = Pipe(fds);
            int pid = Spawn(path, argv, env ?? CurrentEnvironment(), [(inR, 0), (outW, 1), (errW, 2)], $"start `{path}`");
            foreach (var fd in new[] { inR, outW, errW })
            {
                Libc.Close(fd);
                fds.Remove(fd);
            }
            foreach (var fd in new[] { inW, outR, errR })
                Libc.Fcntl(fd, F_SETFL, Libc.Fcntl(fd, F_GETFL, 0) | Flags.O_NONBLOCK);
            pidfd = Libc.PidfdOpen(pid, 0);
            if (pidfd >= 0)
                fds.Add(pidfd);
            return Communicate(pid, pidfd, ref inW, ref outR, ref errR, fds, stdin, timeout, outputGrace);
        }
        finally
        {
            foreach (var fd in fds)
                Libc.Close(fd);
        }
    }

    private static unsafe Result Communicate(int pid, int pidfd, ref int inW, ref int outR, ref int errR, List<int> fds, ReadOnlySpan<byte> stdin, TimeSpan? timeout, TimeSpan outputGrace)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        long start = Environment.TickCount64;
        long? deadline = timeout is { } t ? start + (long)t.TotalMilliseconds : null;
        long? graceEnd = null;
        int status = 0;
        bool exited = false, timedOut = false;
        int written = 0;
        if (stdin.IsEmpty)
            CloseTracked(ref inW, fds);
        byte* buffer = stackalloc byte[16384];
        PollFd* polls = stackalloc PollFd[4];
        while (true)
        {
            if (!exited && Reaped(pid, out status))
            {
                exited = true;
                graceEnd = Environment.TickCount64 + (long)outputGrace.TotalMilliseconds;
                CloseTracked(ref inW, fds);
            }
            if (exited && outR < 0 && errR < 0)
                break;
            long now = Environment.TickCount64;
            if (exited && now >= graceEnd)
            {
                // What the child wrote before it exited is in the pipes: take it
                // without waiting for descendants that may hold them open.
                if (outR >= 0)
                    Drain(ref outR, fds, stdout, buffer);
                if (errR >= 0)
                    Drain(ref errR, fds, stderr, buffer);
                break;
            }
            if (!exited && deadline is { } d && now >= d)
            {
                Libc.Kill(pid, SIGKILL);
                timedOut = true;
                WaitBlocking(pid, out status);
                exited = true;
                graceEnd = Environment.TickCount64 + (long)outputGrace.TotalMilliseconds;
                CloseTracked(ref inW, fds);
                continue;
            }
            int n = 0;
            if (inW >= 0)
                polls[n++] = new PollFd { Fd = inW, Events = PollOut };
            if (outR >= 0)
                polls[n++] = new PollFd { Fd = outR, Events = Libc.POLLIN };
            if (errR >= 0)
                polls[n++] = new PollFd { Fd = errR, Events = Libc.POLLIN };
            if (!exited && pidfd >= 0)
                polls[n++] = new PollFd { Fd = pidfd, Events = Libc.POLLIN };
            long until = exited ? graceEnd!.Value : deadline ?? long.MaxValue;
            int wait = until == long.MaxValue ? -1 : (int)Math.Clamp(until - now, 0, int.MaxValue);
            // Without a pidfd (old kernels) the exit is noticed by looking again every 10 ms.
            if (!exited && pidfd < 0)
                wait = wait < 0 ? 10 : Math.Min(wait, 10);
            if (n == 0)
            {
                // Only without a pidfd: nothing to poll until the exit shows.
                System.Threading.Thread.Sleep(wait);
                continue;
            }
            int ready = Libc.Poll(polls, (nuint)n, wait);
            if (ready < 0)
            {
                if (Libc.Errno == Flags.EINTR)
                    continue;
                throw new SyscallException("poll", Libc.Errno);
            }
            for (int i = 0; i < n; i++)
            {
                if (polls[i].Revents == 0)
                    continue;
                int fd = polls[i].Fd;
                if (fd == inW)
                {
                    long w = written < stdin.Length
                        ? WriteSome(inW, stdin[written..])
                        : 0;
                    if (w < 0 || (written += (int)w) >= stdin.Length)
                        CloseTracked(ref inW, fds);
                }
                else if (fd == outR)
                {
                    Drain(ref outR, fds, stdout, buffer);
                }
                else if (fd == errR)
                {
                    Drain(ref errR, fds, stderr, buffer);
                }
            }
        }
        return new Result(ProcessControl.ExitCode(status), status & 0x7f, timedOut, Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length), Encoding.UTF8.GetString(stderr.GetBuffer(), 0, (int)stderr.Length));
    }

    /// <returns>Bytes written, or -1 when the child closed its stdin (EPIPE: not its failure).</returns>
    private static unsafe long WriteSome(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            long w = Libc.Write(fd, p, (nuint)Math.Min(data.Length, 65536));
            if (w >= 0)
                return w;
            return Libc.Errno is Flags.EAGAIN or Flags.EINTR ? 0 : -1;
        }
    }

    private static unsafe void Drain(ref int fd, List<int> fds, MemoryStream sink, byte* buffer)
    {
        while (true)
        {
            long r = Libc.Read(fd, buffer, 16384);
            if (r > 0)
            {
                sink.Write(new ReadOnlySpan<byte>(buffer, (int)r));
                continue;
            }
            if (r < 0 && Libc.Errno is Flags.EAGAIN or Flags.EINTR)
                return;
            CloseTracked(ref fd, fds);
            return;
        }
    }

    private static bool Reaped(int pid, out int status)
    {
        status = 0;
        int r = Libc.Waitpid(pid, out status, Libc.WNOHANG);
        return r == pid;
    }

    private static void WaitBlocking(int pid, out int status)
    {
        status = 0;
        while (Libc.Waitpid(pid, out status, 0) < 0 && Libc.Errno == Flags.EINTR)
        {
        }
    }

    private static void CloseTracked(ref int fd, List<int> fds)
    {
        if (fd < 0)
            return;
        Libc.Close(fd);
        fds.Remove(fd);
        fd = -1;
    }

    private static unsafe (int Read, int Write) Pipe(List<int> fds)
    {
        int* pair = stackalloc int[2];
        SyscallException.Check(Libc.Pipe2(pair, Flags.O_CLOEXEC), "pipe");
        fds.Add(pair[0]);
        fds.Add(pair[1]);
        // Above stdio: dup2 onto 0-2 in the child must never meet its own source.
        for (int i = 0; i < 2; i++)
        {
            if (pair[i] <= 2)
            {
                int moved = SyscallException.Check(Libc.Fcntl(pair[i], Libc.F_DUPFD_CLOEXEC, 3), "dup pipe");
                Libc.Close(pair[i]);
                fds.Remove(pair[i]);
                fds.Add(moved);
                pair[i] = moved;
            }
        }
        return (pair[0], pair[1]);
    }

    private static List<string> CurrentEnvironment()
    {
        var list = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            list.Add($"{entry.Key}={entry.Value}");
        return list;
    }

    /// <summary>
    /// posix_spawn (posix_spawnp for a name without '/') of <paramref name="argv"/>
    /// with exactly <paramref name="env"/>, each (From, To) pair dup2'd in the
    /// child, default signal dispositions and an empty signal mask: the
    /// runtime blocks or ignores some signals, what it starts begins clean.
    /// The sources must not sit on any target.
    /// </summary>
    /// <param name="what">The error's subject, e.g. "spawn `/proc/self/exe init`".</param>
    internal static unsafe int Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> env, ReadOnlySpan<(int From, int To)> dups, string what)
    {
        byte* actions = stackalloc byte[256];
        byte* attr = stackalloc byte[1024];
        byte* sigset = stackalloc byte[128];
        Libc.PosixSpawnFileActionsInit(actions);
        Libc.PosixSpawnAttrInit(attr);
        var strings = new List<nint>();
        try
        {
            foreach (var (from, to) in dups)
                Libc.PosixSpawnFileActionsAddDup2(actions, from, to);
            Libc.SigFillSet(sigset);
            Libc.PosixSpawnAttrSetSigDefault(attr, sigset);
            Libc.SigEmptySet(sigset);
            Libc.PosixSpawnAttrSetSigMask(attr, sigset);
            Libc.PosixSpawnAttrSetFlags(attr, Libc.POSIX_SPAWN_SETSIGDEF | Libc.POSIX_SPAWN_SETSIGMASK);
            var argvp = new nint[argv.Count + 1];
            for (int i = 0; i < argv.Count; i++)
                strings.Add(argvp[i] = Marshal.StringToCoTaskMemUTF8(argv[i]));
            var envp = new nint[env.Count + 1];
            for (int i = 0; i < env.Count; i++)
                strings.Add(envp[i] = Marshal.StringToCoTaskMemUTF8(env[i]));
            fixed (nint* a = argvp)
            fixed (nint* e = envp)
            {
                int pid;
                int rc = path.Contains('/')
                    ? Libc.PosixSpawn(out pid, path, actions, attr, a, e)
                    : Libc.PosixSpawnP(out pid, path, actions, attr, a, e);
                if (rc != 0)
                    throw new SyscallException(what, rc);
                return pid;
            }
        }
        finally
        {
            foreach (var str in strings)
                Marshal.FreeCoTaskMem(str);
            Libc.PosixSpawnFileActionsDestroy(actions);
            Libc.PosixSpawnAttrDestroy(attr);
        }
    }
}
