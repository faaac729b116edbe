using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Terminal;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Init;

/// <summary>
/// Init side of process.terminal. Runs inside the container's mount
/// namespace after pivot_root, so /dev/ptmx is the container's devpts and
/// the pty lives there (runc does the same). The master goes to the runtime
/// over the sync socket; the slave becomes the process's controlling
/// terminal and stdio.
/// </summary>
internal static class InitConsole
{
    public static void Setup(SyncSocket socket, ConsoleSize? size, bool mountConsole)
    {
        var (master, slave) = Pty.Open();
        try
        {
            // config.md "consoleSize": applied before the process starts; a
            // foreground relay later follows the caller's own terminal.
            if (size is { Height: > 0 } or { Width: > 0 })
                Pty.SetSize(master, Pty.Clamp(size.Height), Pty.Clamp(size.Width));
            if (mountConsole)
                ConsoleMount.Mount(slave);
            InitProcess.Send(socket, new InitMessage { Type = "console" });
            FdPassing.Send(socket.Fd, master, ConsoleSocket.MasterName);
        }
        finally
        {
            Libc.Close(master);
        }
        Pty.BecomeControllingTerminal(slave);
        if (slave > 2)
            Libc.Close(slave);
    }
}
