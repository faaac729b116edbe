using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Spec;

/// <summary>A config that sets every property of the spec model to a value other than its default.</summary>
internal static class MaximalConfig
{
    public static ContainerConfig Create() => new()
    {
        OciVersion = "1.3.0",
        Root = new Root { Path = "rootfs", Readonly = true },
        Mounts =
        [
            new Mount
            {
                Destination = "/data", Source = "/srv/data", Type = "bind", Options = ["rbind", "ro"],
                UidMappings = [new IdMapping { ContainerId = 1, HostId = 100000, Size = 65536 }],
                GidMappings = [new IdMapping { ContainerId = 2, HostId = 200000, Size = uint.MaxValue }],
            },
        ],
        Process = new Process
        {
            Terminal = true,
            ConsoleSize = new ConsoleSize { Height = 24, Width = uint.MaxValue },
            User = new User { Uid = 1, Gid = 2, Umask = 18, AdditionalGids = [5, uint.MaxValue], Username = "u" },
            Args = ["sh", "-c", "echo \"é\u2028<>&'\u0001\""],
            CommandLine = "sh -c true",
            Env = ["PATH=/bin", "A=\\b"],
            Cwd = "/tmp",
            Capabilities = new Capabilities
            {
                Bounding = ["CAP_KILL"], Effective = ["CAP_CHOWN"], Inheritable = ["CAP_NET_RAW"],
                Permitted = ["CAP_SYS_ADMIN"], Ambient = ["CAP_AUDIT_WRITE"],
            },
            Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Hard = ulong.MaxValue, Soft = 1024 }],
            NoNewPrivileges = true,
            ApparmorProfile = "unconfined",
            OomScoreAdj = -1000,
            Scheduler = new Scheduler
            {
                Policy = "SCHED_DEADLINE", Nice = -20, Priority = int.MinValue, Flags = ["SCHED_FLAG_RESET_ON_FORK"],
                Runtime = 1, Deadline = 2, Period = ulong.MaxValue,
            },
            SelinuxLabel = "system_u:system_r:container_t:s0",
            IoPriority = new IoPriority { Class = "IOPRIO_CLASS_RT", Priority = 7 },
            ExecCpuAffinity = new ExecCpuAffinity { Initial = "0", Final = "0-1" },
        },
        Hostname = "h",
        Domainname = "d",
        Hooks = new Hooks
        {
            Prestart = [Hook("prestart")],
            CreateRuntime = [Hook("createRuntime")],
            CreateContainer = [Hook("createContainer")],
            StartContainer = [Hook("startContainer")],
            Poststart = [Hook("poststart")],
            Poststop = [Hook("poststop"), Hook("poststop2")],
        },
        Annotations = new Dictionary<string, string> { ["org.example.key"] = "value", [""] = "" },
        Linux = new Linux
        {
            UidMappings = [new IdMapping { ContainerId = 7, HostId = 1000, Size = 1 }],
            GidMappings = [new IdMapping { ContainerId = 8, HostId = 1001, Size = 1 }],
            Sysctl = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "1" },
            Resources = Resources(),
            CgroupsPath = "/a/b",
            Namespaces = [new LinuxNamespace { Type = "network", Path = "/proc/1/ns/net" }, new LinuxNamespace { Type = "pid" }],
            Devices =
            [
                new LinuxDevice { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 438, Uid = 5, Gid = 6 },
                new LinuxDevice { Type = "b", Path = "/dev/x", Major = long.MinValue, Minor = long.MaxValue, FileMode = uint.MaxValue, Uid = 3, Gid = 4 },
            ],
            NetDevices = new Dictionary<string, NetDevice> { ["eth1"] = new NetDevice { Name = "ceth1" } },
            Seccomp = new Seccomp
            {
                DefaultAction = "SCMP_ACT_ERRNO",
                DefaultErrnoRet = 1,
                Architectures = ["SCMP_ARCH_X86_64"],
                Flags = ["SECCOMP_FILTER_FLAG_LOG"],
                ListenerPath = "/run/listener.sock",
                ListenerMetadata = "meta",
                Syscalls =
                [
                    new SeccompSyscall
                    {
                        Names = ["personality"], Action = "SCMP_ACT_ALLOW", ErrnoRet = 38,
                        Args = [new SeccompArg { Index = 5, Value = ulong.MaxValue, ValueTwo = 8, Op = "SCMP_CMP_MASKED_EQ" }],
                    },
                ],
            },
            RootfsPropagation = "rslave",
            MaskedPaths = ["/proc/kcore"],
            ReadonlyPaths = ["/proc/sys"],
            MountLabel = "system_u:object_r:container_file_t:s0",
            IntelRdt = new IntelRdt { ClosId = "c", Schemata = ["L3:0=f"], L3CacheSchema = "L3:0=f", MemBwSchema = "MB:0=70", EnableMonitoring = true },
            MemoryPolicy = new MemoryPolicy { Mode = "MPOL_BIND", Nodes = "0", Flags = ["MPOL_F_STATIC_NODES"] },
            Personality = new Personality { Domain = "LINUX32", Flags = ["x"] },
            TimeOffsets = new Dictionary<string, TimeOffset>
            {
                ["monotonic"] = new TimeOffset { Secs = long.MinValue, Nanosecs = 999_999_999 },
                ["boottime"] = new TimeOffset { Secs = long.MaxValue, Nanosecs = 1 },
            },
        },
    };

    public static LinuxResources Resources() => new()
    {
        Devices = [new DeviceCgroup { Allow = true, Type = "c", Major = -1, Minor = long.MaxValue, Access = "rwm" }],
        Memory = new MemoryResources
        {
            Limit = long.MaxValue, Reservation = 1, Swap = -1, Kernel = 2, KernelTcp = 3, Swappiness = ulong.MaxValue,
            DisableOomKiller = true, UseHierarchy = true, CheckBeforeUpdate = true,
        },
        Cpu = new CpuResources
        {
            Shares = 1024, Quota = long.MinValue, Burst = 5, Period = 100000, RealtimeRuntime = -1, RealtimePeriod = 7,
            Cpus = "0-1", Mems = "0", Idle = 1,
        },
        Pids = new PidsResources { Limit = -1 },
        BlockIo = new BlockIo
        {
            Weight = ushort.MaxValue, LeafWeight = 10,
            WeightDevice = [new WeightDevice { Major = 8, Minor = 1, Weight = 500, LeafWeight = 300 }],
            ThrottleReadBpsDevice = [Throttle(1)],
            ThrottleWriteBpsDevice = [Throttle(2)],
            ThrottleReadIopsDevice = [Throttle(3)],
            ThrottleWriteIopsDevice = [Throttle(ulong.MaxValue)],
        },
        HugepageLimits = [new HugepageLimit { PageSize = "2MB", Limit = ulong.MaxValue }],
        Network = new NetworkResources { ClassId = uint.MaxValue, Priorities = [new InterfacePriority { Name = "eth0", Priority = 5 }] },
        Rdma = new Dictionary<string, Rdma> { ["mlx5_1"] = new Rdma { HcaHandles = 3, HcaObjects = uint.MaxValue } },
        Unified = new Dictionary<string, string> { ["memory.high"] = "max" },
    };

    private static Hook Hook(string name) => new() { Path = "/bin/" + name, Args = [name, "x"], Env = ["A=1"], Timeout = int.MaxValue };

    private static ThrottleDevice Throttle(ulong rate) => new() { Major = 8, Minor = 16, Rate = rate };

    /// <summary>
    /// Properties of the spec records under <paramref name="value"/> left at their
    /// default (null, 0, false, "", empty), walked through the serializer's
    /// metadata: a new model property must be set here.
    /// </summary>
    public static IEnumerable<string> DefaultedProperties(object value) =>
        Defaulted(value, SpecJson.Default.GetTypeInfo(value.GetType())!, "");

    private static IEnumerable<string> Defaulted(object value, JsonTypeInfo info, string path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    var v = property.Get!(value);
                    var here = path + "." + property.Name;
                    if (v is null or false or "" or (int)0 or (uint)0 or (long)0 or (ulong)0 or (ushort)0)
                    {
                        yield return here;
                        continue;
                    }
                    foreach (var inner in Defaulted(v, SpecJson.Default.GetTypeInfo(property.PropertyType)!, here))
                        yield return inner;
                }
                break;
            case JsonTypeInfoKind.Enumerable:
                var elements = ((IEnumerable)value).Cast<object>().ToList();
                if (elements.Count == 0)
                    yield return path;
                foreach (var inner in elements.Take(1).SelectMany(e => Defaulted(e, SpecJson.Default.GetTypeInfo(info.ElementType!)!, path + "[0]")))
                    yield return inner;
                break;
            case JsonTypeInfoKind.Dictionary:
                var entries = ((IDictionary)value).Values.Cast<object>().ToList();
                if (entries.Count == 0)
                    yield return path;
                foreach (var inner in entries.Take(1).SelectMany(e => Defaulted(e, SpecJson.Default.GetTypeInfo(info.ElementType!)!, path + "[*]")))
                    yield return inner;
                break;
        }
    }
}
