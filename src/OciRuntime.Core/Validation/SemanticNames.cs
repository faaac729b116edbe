using System.Collections.Generic;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The closed sets of names config.json may use, as the Linux kernel defines
/// them (capability.h, resource.h, namespaces(7)).
/// </summary>
public static class SemanticNames
{
    /// <summary>Capability names indexed by their kernel number (0..40, CAP_LAST_CAP of Linux 5.9+).</summary>
    public static readonly IReadOnlyList<string> Capabilities =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
        "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID",
        "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
        "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
        "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
        "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
        "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
        "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>Resource limit names indexed by their RLIMIT_* number on Linux.</summary>
    public static readonly IReadOnlyList<string> Rlimits =
    [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
        "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
        "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING",
        "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ];

    /// <summary>Namespace types of config-linux.md "Namespaces".</summary>
    public static readonly IReadOnlyList<string> Namespaces =
        ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"];

    /// <summary>Clocks a time namespace can offset (time_namespaces(7)).</summary>
    public static readonly IReadOnlyList<string> TimeOffsetClocks = ["monotonic", "boottime"];

    /// <summary>Device node types of config-linux.md "Devices".</summary>
    public static readonly IReadOnlyList<string> DeviceTypes = ["c", "b", "u", "p"];
}
