using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct scmp_arg_cmp of seccomp.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LibseccompArgCmp
{
    public uint Arg;
    public int Op;
    public ulong DatumA;
    public ulong DatumB;
}
