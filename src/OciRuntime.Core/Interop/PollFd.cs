using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct pollfd (poll(2)).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short Revents;
}
