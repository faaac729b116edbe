using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>x86_64 struct stat (asm/stat.h), 144 bytes; only the fields the runtime reads are named.</summary>
[StructLayout(LayoutKind.Explicit, Size = 144)]
internal struct StatBuffer
{
    [FieldOffset(0)] internal ulong Dev;
    [FieldOffset(8)] internal ulong Ino;
    [FieldOffset(24)] internal uint Mode;
    [FieldOffset(28)] internal uint Uid;
    [FieldOffset(32)] internal uint Gid;
    [FieldOffset(40)] internal ulong Rdev;
}
