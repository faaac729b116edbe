using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Operations;

/// <summary>`start`: releases the init blocked on the exec FIFO, then runs poststart hooks.</summary>
public sealed class StartOperation
{
    private readonly StateStore _store;
    private readonly ILogger? _log;

    public StartOperation(string stateRoot, ILogger? log)
    {
        _store = new StateStore(stateRoot);
        _log = log;
    }

    public void Run(string id)
    {
        ContainerId.Validate(id);
        Container container;
        using (_store.Lock(id, LockMode.Exclusive))
        {
            container = Container.Load(_store, id);
            Transitions.Ensure(ContainerOperation.Start, container.Status(), id);
            FaultInjection.Point("start:before-release");
            ReleaseInit(container);
            File.Delete(_store.ExecFifoPath(id));
            FaultInjection.Point("start:after-release");
        }
        // config.md: a failing poststart hook is logged; the container keeps running.
        try
        {
            HookRunner.Run("poststart", container.Record.Hooks?.Poststart, container.HookState(ContainerStatus.Running));
        }
        catch (RuntimeException e)
        {
            _log?.LogWarning("{Message}", e.Message);
            Console.Error.WriteLine(e.Message);
        }
    }

    /// <summary>
    /// Opens the FIFO without blocking and reads the init's byte: a blocking
    /// open would hang forever if the init died in the meantime. While the
    /// byte is not there, poll(2) sleeps on the FIFO and on a pidfd of the
    /// init together, so it wakes the moment either the byte arrives or the
    /// init dies.
    /// </summary>
    private static void ReleaseInit(Container container)
    {
        var fifo = container.Store.ExecFifoPath(container.Id);
        int initPid = container.Record.InitPid;
        int fd = SyscallException.Check(Libc.Open(fifo, Flags.O_RDONLY | Flags.O_NONBLOCK | Flags.O_CLOEXEC, 0), $"open `{fifo}`");
        int pidfd = -1;
        try
        {
            pidfd = ProcessControl.OpenPidfd(initPid);
            // Opened after the status check: a pid recycled in between would
            // have another start time, and then this is not our init.
            if (pidfd == ProcessControl.PidGone || !StatusDeriver.Host.IsInitAlive(container.Record))
                pidfd = CloseAndMarkGone(pidfd);
            int delay = 1;
            while (true)
            {
                var n = ReadByte(fd, fifo);
                if (n == 1)
                    return;
                // n == 0: no writer yet, or the writer closed without writing;
                // -1 (EAGAIN): the writer is there, its byte not yet.
                if (pidfd == ProcessControl.PidGone || !ProcessControl.IsAlive(initPid))
                {
                    // A short-lived process can open the FIFO, write, execve and
                    // exit between the read above and this check: look once more.
                    if (ReadByte(fd, fifo) == 1)
                        return;
                    throw new RuntimeException("cannot start a container that has stopped");
                }
                if (pidfd >= 0)
                {
                    var woken = Wait(fd, pidfd);
                    if (woken == Wakeup.InitExited)
                        pidfd = CloseAndMarkGone(pidfd);
                    if (woken != Wakeup.HangUp)
                        continue;
                }
                // No pidfd, or a writer that hung up without its byte (poll
                // would report that at once, again and again): sleep instead.
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 20);
            }
        }
        finally
        {
            if (pidfd >= 0)
                Libc.Close(pidfd);
            Libc.Close(fd);
        }
    }

    private static int CloseAndMarkGone(int pidfd)
    {
        if (pidfd >= 0)
            Libc.Close(pidfd);
        return ProcessControl.PidGone;
    }

    /// <summary>1 with the byte read, 0 at end of file, -1 when nothing is there yet (EAGAIN, EINTR).</summary>
    private static unsafe long ReadByte(int fd, string fifo)
    {
        byte b;
        var n = Libc.Read(fd, &b, 1);
        if (n < 0)
        {
            int errno = Libc.Errno;
            if (errno != Flags.EAGAIN && errno != Flags.EINTR)
                throw new SyscallException($"read `{fifo}`", errno);
            return -1;
        }
        return n;
    }

    private enum Wakeup { Data, HangUp, InitExited }

    /// <summary>
    /// Sleeps until the FIFO has data or the init exits. A hang-up without
    /// data (a writer that closed without its byte) is told apart: poll
    /// would report it again at once.
    /// </summary>
    private static unsafe Wakeup Wait(int fifo, int pidfd)
    {
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = fifo, Events = WaitFlags.POLLIN };
        fds[1] = new PollFd { Fd = pidfd, Events = WaitFlags.POLLIN };
        while (true)
        {
            int r = Libc.Poll(fds, 2, -1);
            if (r > 0)
            {
                if ((fds[0].Revents & WaitFlags.POLLIN) != 0)
                    return Wakeup.Data;
                if (fds[1].Revents != 0)
                    return Wakeup.InitExited;
                return Wakeup.HangUp;
            }
            if (r < 0 && Libc.Errno != Flags.EINTR)
                throw new SyscallException("poll exec fifo", Libc.Errno);
        }
    }
}
