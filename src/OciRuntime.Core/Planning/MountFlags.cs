using System;

namespace OciRuntime.Core.Planning;

/// <summary>The MS_* flags of mount(2), with their kernel values.</summary>
[Flags]
public enum MountFlags : ulong
{
    None = 0,
    ReadOnly = 0x1,
    NoSuid = 0x2,
    NoDev = 0x4,
    NoExec = 0x8,
    Synchronous = 0x10,
    Remount = 0x20,
    MandLock = 0x40,
    DirSync = 0x80,
    NoSymFollow = 0x100,
    NoAtime = 0x400,
    NoDirAtime = 0x800,
    Bind = 0x1000,
    Move = 0x2000,
    Recursive = 0x4000,
    Silent = 0x8000,
    Unbindable = 0x20000,
    Private = 0x40000,
    Slave = 0x80000,
    Shared = 0x100000,
    RelAtime = 0x200000,
    IVersion = 0x800000,
    StrictAtime = 0x1000000,
    LazyTime = 0x2000000,
}
