using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>x86_64 struct statfs (asm/statfs.h), 120 bytes; only f_type and f_flags are read.</summary>
[StructLayout(LayoutKind.Explicit, Size = 120)]
internal struct StatfsBuffer
{
    [FieldOffset(0)] internal long Type;
    [FieldOffset(80)] internal long Flags;
}
