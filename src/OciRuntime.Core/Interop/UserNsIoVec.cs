using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct iovec (sys/uio.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UserNsIoVec
{
    internal void* Base;
    internal nuint Len;
}
