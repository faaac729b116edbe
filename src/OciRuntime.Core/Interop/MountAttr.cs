using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>struct mount_attr of mount_setattr(2) (linux/mount.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MountAttr
{
    internal ulong AttrSet;
    internal ulong AttrClr;
    internal ulong Propagation;
    internal ulong UsernsFd;
}
