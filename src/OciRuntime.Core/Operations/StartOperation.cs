using System.IO;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Pending;

namespace OciRuntime.Core.Operations;

/// <summary>`start`: releases the init blocked on the exec FIFO.</summary>
public sealed class StartOperation
{
    private readonly string _root;

    public StartOperation(string stateRoot) => _root = stateRoot;

    public void Run(string id)
    {
        var store = new PendingState(_root);
        store.Load(id);
        var fifo = Path.Combine(store.Dir(id), "exec.fifo");
        if (!File.Exists(fifo))
            throw new RuntimeException("cannot start an already running container");
        // Opening for reading completes the init's blocked open for writing;
        // the byte it writes says it got past that point.
        int fd = SyscallException.Check(Libc.Open(fifo, Flags.O_RDONLY | Flags.O_CLOEXEC, 0), $"open `{fifo}`");
        try
        {
            unsafe
            {
                byte b;
                var n = Libc.Read(fd, &b, 1);
                if (n <= 0)
                    throw new RuntimeException("cannot start a container that has stopped");
            }
        }
        finally
        {
            Libc.Close(fd);
        }
        File.Delete(fifo);
    }
}
