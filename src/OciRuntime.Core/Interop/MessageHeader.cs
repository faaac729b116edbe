using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct msghdr (x86_64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MessageHeader
{
    internal void* Name;
    internal uint NameLength;
    internal IoVector* Iov;
    internal nuint IovLength;
    internal void* Control;
    internal nuint ControlLength;
    internal int Flags;
}
