using System;
using System.Runtime.InteropServices;
using System.Threading;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>
/// A foreground `run` or `exec` with a terminal and no --console-socket:
/// the runtime itself joins its stdio to the pty master. The caller's
/// terminal goes raw (the container's line discipline does the editing),
/// follows the caller's window size (SIGWINCH), and is restored at the end.
/// </summary>
public sealed class TerminalRelay : IDisposable
{
    private readonly int _master;
    private readonly byte[]? _savedTermios;
    private readonly Thread _output;
    private readonly PosixSignalRegistration? _winch;

    private TerminalRelay(int master)
    {
        _master = master;
        if (Libc.IsATty(0) == 1)
        {
            _savedTermios = MakeRaw(0);
            CopySize();
            _winch = PosixSignalRegistration.Create((PosixSignal)28, ctx =>
            {
                ctx.Cancel = true;
                CopySize();
            });
        }
        var input = new Thread(() => Pump(0, _master)) { IsBackground = true, Name = "tty-in" };
        _output = new Thread(() => Pump(_master, 1)) { IsBackground = true, Name = "tty-out" };
        input.Start();
        _output.Start();
    }

    /// <summary>Takes ownership of the master.</summary>
    public static TerminalRelay Start(int master) => new(master);

    /// <summary>
    /// After the process exited: let the output already in the pty reach
    /// stdout (the master reads EIO once every slave holder is gone), bounded
    /// in case a background process of the container keeps the slave open.
    /// </summary>
    public void Dispose()
    {
        _output.Join(TimeSpan.FromSeconds(1));
        _winch?.Dispose();
        if (_savedTermios is not null)
            Restore(0, _savedTermios);
        Libc.Close(_master);
    }

    private void CopySize()
    {
        if (Pty.GetSize(0) is { } ws)
            Pty.SetSize(_master, ws.Rows, ws.Columns);
    }

    private static unsafe void Pump(int from, int to)
    {
        var buf = new byte[8192];
        fixed (byte* p = buf)
        {
            while (true)
            {
                nint n = Libc.Read(from, p, (nuint)buf.Length);
                if (n < 0 && Libc.Errno == Flags.EINTR)
                    continue;
                if (n <= 0)
                    return;
                nint off = 0;
                while (off < n)
                {
                    nint w = Libc.Write(to, p + off, (nuint)(n - off));
                    if (w < 0 && Libc.Errno == Flags.EINTR)
                        continue;
                    if (w <= 0)
                        return;
                    off += w;
                }
            }
        }
    }

    private static unsafe byte[] MakeRaw(int fd)
    {
        var saved = new byte[Libc.TermiosSize];
        byte* raw = stackalloc byte[Libc.TermiosSize];
        fixed (byte* s = saved)
        {
            SyscallException.Check(Libc.TcGetAttr(fd, s), "tcgetattr `stdin`");
            Buffer.MemoryCopy(s, raw, Libc.TermiosSize, Libc.TermiosSize);
        }
        Libc.CfMakeRaw(raw);
        SyscallException.Check(Libc.TcSetAttr(fd, TerminalConstants.TCSANOW, raw), "tcsetattr `stdin`");
        return saved;
    }

    private static unsafe void Restore(int fd, byte[] termios)
    {
        fixed (byte* s = termios)
            Libc.TcSetAttr(fd, TerminalConstants.TCSANOW, s);
    }
}
