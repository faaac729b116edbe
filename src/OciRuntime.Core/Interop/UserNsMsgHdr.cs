using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct msghdr (sys/socket.h, x86_64) for passing descriptors with SCM_RIGHTS.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UserNsMsgHdr
{
    internal void* Name;
    internal uint NameLen;
    internal UserNsIoVec* Iov;
    internal nuint IovLen;
    internal void* Control;
    internal nuint ControlLen;
    internal int Flags;
}
