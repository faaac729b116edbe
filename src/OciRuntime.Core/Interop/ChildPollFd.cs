using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct pollfd, for <see cref="Libc.PollForChild"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ChildPollFd
{
    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;

    public int Fd;
    public short Events;
    public short Revents;
}
