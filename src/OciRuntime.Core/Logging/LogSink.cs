using System;
using System.Text;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Logging;

/// <summary>
/// Where log lines go: stderr or a file opened O_APPEND. Each line is one
/// write(2), so lines from the runtime's several processes (parent, init)
/// appending to one file never interleave, and nothing waits in a buffer
/// when a process dies or execs.
/// </summary>
public sealed class LogSink : IDisposable
{
    private const int StderrFd = 2;
    private readonly SafeFileHandle? _owned;
    private readonly int _fd;
    private readonly object _gate = new();

    private LogSink(SafeFileHandle? owned, int fd)
    {
        _owned = owned;
        _fd = fd;
    }

    public static LogSink Stderr() => new(null, StderrFd);

    /// <summary>Opens (creating, mode 0644) <paramref name="path"/> for appending.</summary>
    public static LogSink Open(string path)
    {
        var fd = Libc.Open(path, Flags.O_WRONLY | Flags.O_CREAT | LifecycleFlags.O_APPEND | Flags.O_CLOEXEC, 0x1a4);
        SyscallException.Check(fd, $"open `{path}`");
        return new LogSink(new SafeFileHandle(fd, ownsHandle: true), fd);
    }

    public unsafe void Write(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            fixed (byte* start = bytes)
            {
                var done = 0;
                while (done < bytes.Length)
                {
                    var n = (int)Libc.Write(_fd, start + done, (nuint)(bytes.Length - done));
                    if (n < 0)
                    {
                        if (Libc.Errno == Flags.EINTR)
                            continue;
                        // Logging must never take the runtime down.
                        return;
                    }
                    done += n;
                }
            }
        }
    }

    public void Dispose() => _owned?.Dispose();
}
