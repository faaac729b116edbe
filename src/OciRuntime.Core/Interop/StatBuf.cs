using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct stat as the x86_64 kernel ABI lays it out (144 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StatBuf
{
    internal ulong Dev;
    internal ulong Ino;
    internal ulong Nlink;
    internal uint Mode;
    internal uint Uid;
    internal uint Gid;
    internal int Pad0;
    internal ulong Rdev;
    internal long Size;
    internal long Blksize;
    internal long Blocks;
    internal long AtimeSec;
    internal long AtimeNsec;
    internal long MtimeSec;
    internal long MtimeNsec;
    internal long CtimeSec;
    internal long CtimeNsec;
    internal long Reserved0;
    internal long Reserved1;
    internal long Reserved2;
}
