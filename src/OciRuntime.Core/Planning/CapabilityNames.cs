using System;
using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// Capability names and numbers (linux/capability.h), held in memory because
/// nothing may be loaded from disk once the init has pivoted into the rootfs.
/// </summary>
public static class CapabilityNames
{
    /// <summary>Index = capability number.</summary>
    public static readonly string[] All =
    [
        "CAP_CHOWN",              // 0
        "CAP_DAC_OVERRIDE",
        "CAP_DAC_READ_SEARCH",
        "CAP_FOWNER",
        "CAP_FSETID",
        "CAP_KILL",               // 5
        "CAP_SETGID",
        "CAP_SETUID",
        "CAP_SETPCAP",
        "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE",   // 10
        "CAP_NET_BROADCAST",
        "CAP_NET_ADMIN",
        "CAP_NET_RAW",
        "CAP_IPC_LOCK",
        "CAP_IPC_OWNER",          // 15
        "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO",
        "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT",          // 20
        "CAP_SYS_ADMIN",
        "CAP_SYS_BOOT",
        "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME",           // 25
        "CAP_SYS_TTY_CONFIG",
        "CAP_MKNOD",
        "CAP_LEASE",
        "CAP_AUDIT_WRITE",
        "CAP_AUDIT_CONTROL",      // 30
        "CAP_SETFCAP",
        "CAP_MAC_OVERRIDE",
        "CAP_MAC_ADMIN",
        "CAP_SYSLOG",
        "CAP_WAKE_ALARM",         // 35
        "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ",
        "CAP_PERFMON",
        "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE", // 40
    ];

    public const int CAP_SETPCAP = 8;

    /// <summary>The highest capability this table knows.</summary>
    public static int Last => All.Length - 1;

    private static readonly Dictionary<string, int> ByName = BuildIndex();

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(All.Length, StringComparer.Ordinal);
        for (int i = 0; i < All.Length; i++)
            index.Add(All[i], i);
        return index;
    }

    /// <summary>Exact, case-sensitive lookup, as the spec spells names ("CAP_CHOWN").</summary>
    public static bool TryGetNumber(string name, out int number) => ByName.TryGetValue(name, out number);

    /// <summary>The name of a capability number, or "CAP_&lt;n&gt;" for one newer than this table.</summary>
    public static string NameOf(int number) =>
        number >= 0 && number < All.Length ? All[number] : $"CAP_{number}";
}
