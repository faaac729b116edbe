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
    /// open would hang forever if the init died in the meantime.
    /// </summary>
    private static unsafe void ReleaseInit(Container container)
    {
        var fifo = container.Store.ExecFifoPath(container.Id);
        int fd = SyscallException.Check(Libc.Open(fifo, Flags.O_RDONLY | Flags.O_NONBLOCK | Flags.O_CLOEXEC, 0), $"open `{fifo}`");
        try
        {
            int delay = 1;
            while (true)
            {
                byte b;
                var n = Libc.Read(fd, &b, 1);
                if (n == 1)
                    return;
                if (n < 0 && Libc.Errno != Flags.EAGAIN && Libc.Errno != Flags.EINTR)
                    throw new SyscallException($"read `{fifo}`", Libc.Errno);
                // n == 0: no writer yet; EAGAIN: the writer is there, its byte not yet.
                if (!ProcessControl.IsAlive(container.Record.InitPid))
                {
                    // A short-lived process can open the FIFO, write, execve and
                    // exit between the read above and this check: look once more.
                    if (Libc.Read(fd, &b, 1) == 1)
                        return;
                    throw new RuntimeException("cannot start a container that has stopped");
                }
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 20);
            }
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}
