using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct iovec.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVector
{
    internal void* Base;
    internal nuint Length;
}
