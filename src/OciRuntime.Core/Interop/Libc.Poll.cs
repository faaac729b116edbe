using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const short POLLIN = 0x1;

    /// <summary>fds points at struct pollfd { int fd; short events; short revents; } entries.</summary>
    [LibraryImport(Name, EntryPoint = "poll", SetLastError = true)]
    internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);
}
