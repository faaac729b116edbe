using System;
using System.Globalization;
using System.IO;

namespace OciRuntime.Core.Spec;

/// <summary>
/// The config.json that `ociruntime spec` writes: the same starting point
/// `runc spec` (runc 1.1) gives, so bundles and scripts written for runc
/// behave the same. Only ociVersion (ours) and the hostname differ.
/// </summary>
public static class DefaultSpec
{
    /// <summary>The runtime-spec version this runtime implements and writes.</summary>
    public const string OciVersion = "1.3.0";

    private static readonly string[] DefaultCapabilities = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];

    /// <summary>The rootless variant maps container root to the caller's effective uid/gid.</summary>
    public static ContainerConfig Create(bool rootless)
    {
        var (uid, gid) = rootless ? ReadEffectiveIds("/proc/self/status") : (0u, 0u);
        var config = Create(rootless, uid, gid);
        // runc adds a cgroup namespace on pure cgroup v2 hosts, where the
        // container sees its own cgroup as the root of /sys/fs/cgroup.
        return System.IO.File.Exists("/sys/fs/cgroup/cgroup.controllers") ? WithCgroupNamespace(config) : config;
    }

    public static ContainerConfig WithCgroupNamespace(ContainerConfig config) =>
        config with { Linux = config.Linux! with { Namespaces = [.. config.Linux.Namespaces ?? [], new LinuxNamespace { Type = "cgroup" }] } };

    public static ContainerConfig Create(bool rootless, uint hostUid, uint hostGid)
    {
        var config = new ContainerConfig
        {
            OciVersion = OciVersion,
            Process = new Process
            {
                Terminal = true,
                User = new User { Uid = 0, Gid = 0 },
                Args = ["sh"],
                Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
                Cwd = "/",
                // runc 1.1 fills bounding, effective, permitted and ambient
                // (not inheritable) with the same three capabilities.
                Capabilities = new Capabilities
                {
                    Bounding = [.. DefaultCapabilities],
                    Effective = [.. DefaultCapabilities],
                    Permitted = [.. DefaultCapabilities],
                    Ambient = [.. DefaultCapabilities],
                },
                Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 1024 }],
                NoNewPrivileges = true,
            },
            Root = new Root { Path = "rootfs", Readonly = true },
            Hostname = "ociruntime",
            Mounts = Mounts(rootless),
            Linux = new Linux
            {
                Resources = rootless ? null : new LinuxResources { Devices = [new DeviceCgroup { Allow = false, Access = "rwm" }] },
                Namespaces = Namespaces(rootless),
                MaskedPaths =
                [
                    "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                    "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
                ],
                ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
            },
        };
        if (rootless)
        {
            config = config with
            {
                Linux = config.Linux with
                {
                    UidMappings = [new IdMapping { ContainerId = 0, HostId = hostUid, Size = 1 }],
                    GidMappings = [new IdMapping { ContainerId = 0, HostId = hostGid, Size = 1 }],
                },
            };
        }
        return config;
    }

    private static Mount[] Mounts(bool rootless) =>
    [
        new() { Destination = "/proc", Type = "proc", Source = "proc" },
        new() { Destination = "/dev", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "strictatime", "mode=755", "size=65536k"] },
        // gid=5 (tty) does not exist in a user namespace that maps only the caller.
        new()
        {
            Destination = "/dev/pts", Type = "devpts", Source = "devpts",
            Options = rootless
                ? ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]
                : ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"],
        },
        new() { Destination = "/dev/shm", Type = "tmpfs", Source = "shm", Options = ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
        new() { Destination = "/dev/mqueue", Type = "mqueue", Source = "mqueue", Options = ["nosuid", "noexec", "nodev"] },
        // A fresh sysfs needs CAP_SYS_ADMIN over the network namespace; a
        // rootless container shares the host's, so it bind-mounts /sys instead.
        rootless
            ? new() { Destination = "/sys", Type = "none", Source = "/sys", Options = ["rbind", "nosuid", "noexec", "nodev", "ro"] }
            : new() { Destination = "/sys", Type = "sysfs", Source = "sysfs", Options = ["nosuid", "noexec", "nodev", "ro"] },
        new() { Destination = "/sys/fs/cgroup", Type = "cgroup", Source = "cgroup", Options = ["nosuid", "noexec", "nodev", "relatime", "ro"] },
    ];

    private static LinuxNamespace[] Namespaces(bool rootless) => rootless
        // An unprivileged user cannot configure a new network namespace
        // usefully, so the rootless variant keeps the host's (as runc does).
        ? [new() { Type = "pid" }, new() { Type = "ipc" }, new() { Type = "uts" }, new() { Type = "mount" }, new() { Type = "user" }]
        : [new() { Type = "pid" }, new() { Type = "network" }, new() { Type = "ipc" }, new() { Type = "uts" }, new() { Type = "mount" }];

    /// <summary>Second field of the Uid:/Gid: lines of /proc/[pid]/status is the effective id (proc(5)).</summary>
    internal static (uint Uid, uint Gid) ReadEffectiveIds(string statusPath)
    {
        uint? uid = null, gid = null;
        foreach (var line in File.ReadLines(statusPath))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
                uid = SecondField(line);
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
                gid = SecondField(line);
        }
        if (uid is null || gid is null)
            throw new FormatException($"no Uid:/Gid: lines in {statusPath}");
        return (uid.Value, gid.Value);
    }

    private static uint SecondField(string line)
    {
        var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return uint.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
