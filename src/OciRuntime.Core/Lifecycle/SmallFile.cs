using System;
using System.Text;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Whole-file reads of state.json and /proc/PID/stat with open, read and
/// close only. File.ReadAllBytes adds an fstat and an flock (its FileShare
/// emulation) to each: `list` reads two such files per container, so
/// those were a fifth of its system calls.
/// </summary>
public static class SmallFile
{
    private const int ENOTDIR = 20;

    /// <summary>The contents; null when the file (or its directory, or the process of a /proc path) does not exist.</summary>
    public static unsafe byte[]? Read(string path)
    {
        int fd = Libc.Open(path, Flags.O_RDONLY | Flags.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int errno = Libc.Errno;
            if (errno is Flags.ENOENT or ENOTDIR or Flags.ESRCH)
                return null;
            throw new SyscallException($"open `{path}`", errno);
        }
        try
        {
            var buffer = new byte[4096];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                nint n;
                fixed (byte* p = &buffer[length])
                    n = Libc.Read(fd, p, (nuint)(buffer.Length - length));
                if (n == 0)
                    break;
                if (n < 0)
                {
                    int errno = Libc.Errno;
                    if (errno == Flags.EINTR)
                        continue;
                    if (errno == Flags.ESRCH)
                        return null; // the process of a /proc file exited after the open
                    throw new SyscallException($"read `{path}`", errno);
                }
                length += (int)n;
            }
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    /// <summary><see cref="Read"/> as UTF-8 text; null on any failure (for /proc files: gone or unreadable means not alive).</summary>
    public static string? TryReadText(string path)
    {
        try
        {
            return Read(path) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (SyscallException)
        {
            return null;
        }
    }
}
