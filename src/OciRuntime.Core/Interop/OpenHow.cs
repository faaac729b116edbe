using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct open_how of openat2(2) (linux/openat2.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OpenHow
{
    internal ulong Flags;
    internal ulong Mode;
    internal ulong Resolve;
}
