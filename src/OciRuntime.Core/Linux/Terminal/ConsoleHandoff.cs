using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>
/// Runtime side of process.terminal: the init sends the pty master over the
/// sync socket (a "console" message, then the fd); the runtime passes it on
/// to --console-socket, or keeps it to relay in the foreground.
/// </summary>
public static class ConsoleHandoff
{
    /// <summary>runc's wording for the combinations it refuses.</summary>
    public static void CheckOptions(bool terminal, string? consoleSocket, bool detached)
    {
        if (terminal && consoleSocket is null && detached)
            throw new RuntimeException("cannot allocate tty if runc will detach without setting console socket");
        if (!terminal && consoleSocket is not null)
            throw new RuntimeException("cannot use console socket if runc will not detach or allocate tty");
    }

    /// <returns>The master when the runtime relays it itself; -1 when it went to the console socket.</returns>
    public static int Receive(SyncSocket socket, string? consoleSocket)
    {
        var (master, _) = FdPassing.Receive(socket.Fd);
        if (consoleSocket is null)
            return master;
        try
        {
            ConsoleSocket.SendMaster(consoleSocket, master);
        }
        finally
        {
            Libc.Close(master);
        }
        return -1;
    }
}
