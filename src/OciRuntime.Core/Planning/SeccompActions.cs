using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// SCMP_ACT_* names of config-linux.md "Seccomp" and their values in
/// libseccomp's seccomp.h (which are also the kernel's SECCOMP_RET_* values).
/// </summary>
public static class SeccompActions
{
    public const uint KillThread = 0x00000000;
    public const uint KillProcess = 0x80000000;
    public const uint Trap = 0x00030000;
    public const uint Errno = 0x00050000;
    public const uint Notify = 0x7fc00000;
    public const uint Trace = 0x7ff00000;
    public const uint Log = 0x7ffc0000;
    public const uint Allow = 0x7fff0000;

    /// <summary>The spec: "The default is EPERM" for errnoRet and defaultErrnoRet.</summary>
    public const uint DefaultErrno = 1;

    public static readonly IReadOnlyDictionary<string, uint> ByName = new Dictionary<string, uint>
    {
        // SCMP_ACT_KILL is libseccomp's old name for killing the thread.
        ["SCMP_ACT_KILL"] = KillThread,
        ["SCMP_ACT_KILL_THREAD"] = KillThread,
        ["SCMP_ACT_KILL_PROCESS"] = KillProcess,
        ["SCMP_ACT_TRAP"] = Trap,
        ["SCMP_ACT_ERRNO"] = Errno,
        ["SCMP_ACT_TRACE"] = Trace,
        ["SCMP_ACT_ALLOW"] = Allow,
        ["SCMP_ACT_LOG"] = Log,
        ["SCMP_ACT_NOTIFY"] = Notify,
    };

    /// <summary>Only these carry an errno in their low 16 bits.</summary>
    public static bool TakesErrno(uint action) => action is Errno or Trace;
}
