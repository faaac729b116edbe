using System;

namespace OciRuntime.Core.Planning;

/// <summary>The MOUNT_ATTR_* values of mount_setattr(2) (Linux 5.12+).</summary>
[Flags]
public enum MountAttributes : ulong
{
    None = 0,
    ReadOnly = 0x1,
    NoSuid = 0x2,
    NoDev = 0x4,
    NoExec = 0x8,
    /// <summary>The atime mode is a 3-bit field, not a flag: RELATIME is 0 within it.</summary>
    AtimeMask = 0x70,
    RelAtime = 0x0,
    NoAtime = 0x10,
    StrictAtime = 0x20,
    NoDirAtime = 0x80,
    IdMap = 0x100000,
    NoSymFollow = 0x200000,
}
