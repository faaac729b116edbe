using System;
using System.Collections.Generic;
using System.Linq;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// config.json → <see cref="RootfsPlan"/>, purely. The parent runs it before spawning
/// anything so that a bad mount fails `create` with a message naming the JSON path;
/// the init runs it again with the host's cgroup layout and applies the result.
/// </summary>
public static class MountPlanner
{
    /// <summary>config-linux.md "Default Devices", all c, mode 0666, owned by root.</summary>
    static readonly (string Path, long Major, long Minor)[] DefaultDevices =
    [
        ("/dev/null", 1, 3),
        ("/dev/zero", 1, 5),
        ("/dev/full", 1, 7),
        ("/dev/random", 1, 8),
        ("/dev/urandom", 1, 9),
        ("/dev/tty", 5, 0),
    ];

    /// <summary>
    /// Paths under /proc that may be mount destinations (files lxcfs emulates); anything
    /// else inside /proc could hide the masking of /proc entries (CVE-2019-16884 class).
    /// </summary>
    static readonly HashSet<string> AllowedProcDestinations =
    [
        "/proc/cpuinfo", "/proc/diskstats", "/proc/meminfo", "/proc/stat", "/proc/swaps",
        "/proc/uptime", "/proc/loadavg", "/proc/slabinfo", "/proc/net/dev", "/proc/sys/kernel/ns_last_pid",
    ];

    const uint DefaultDeviceMode = 0x1B6; // 0666

    public static RootfsPlan Plan(ContainerConfig config, string rootfsAbsolutePath, RootfsOptions options)
    {
        if (!rootfsAbsolutePath.StartsWith('/'))
            throw new ArgumentException($"rootfs path `{rootfsAbsolutePath}` is not absolute", nameof(rootfsAbsolutePath));

        var namespaces = config.Linux?.Namespaces ?? [];
        bool Has(string type) => namespaces.Any(n => n.Type == type);
        bool userns = Has("user") || options.RunningInUserNamespace;
        var context = new Context(userns, Has("network"), Has("cgroup"), options, config.Linux?.UidMappings ?? [], config.Linux?.GidMappings ?? []);

        var rootfsPropagation = PlanRootfsPropagation(config.Linux?.RootfsPropagation);

        var steps = new List<MountStep>();
        var mounts = config.Mounts ?? [];
        for (int i = 0; i < mounts.Length; i++)
            PlanMount(mounts[i], i, context, steps);

        bool setupDev = !steps.Any(s => s.Kind == MountStepKind.Bind && s.Destination == "/dev");

        return new RootfsPlan
        {
            RootfsPath = CleanContainerPath(rootfsAbsolutePath),
            MountNamespace = Has("mount"),
            NoPivot = options.NoPivot,
            UserNamespace = userns,
            // An unbindable "/" would refuse the rootfs bind that pivot_root needs:
            // keep the default there and make the new root unbindable after pivot.
            RootPropagation = rootfsPropagation is { } p && (p & MountFlags.Unbindable) == 0 ? p : MountFlags.Slave | MountFlags.Recursive,
            RootfsPropagation = rootfsPropagation,
            Mounts = steps,
            SetupDev = setupDev,
            Devices = setupDev ? PlanDevices(config.Linux?.Devices ?? [], userns) : [],
            DevSymlinks = setupDev ? DevSymlinks : [],
            MaskedPaths = PlanPaths(config.Linux?.MaskedPaths, "linux.maskedPaths"),
            ReadonlyPaths = PlanPaths(config.Linux?.ReadonlyPaths, "linux.readonlyPaths"),
            ReadonlyRoot = config.Root?.Readonly ?? false,
        };
    }

    sealed record Context(bool UserNamespace, bool NetworkNamespace, bool CgroupNamespace, RootfsOptions Options,
        IdMapping[] UidMappings, IdMapping[] GidMappings);

    /// <summary>runc's /dev links; /dev/ptmx points into the container's own devpts (newinstance).</summary>
    static readonly RootfsSymlink[] DevSymlinks =
    [
        new() { Path = "/dev/fd", Target = "/proc/self/fd" },
        new() { Path = "/dev/stdin", Target = "/proc/self/fd/0" },
        new() { Path = "/dev/stdout", Target = "/proc/self/fd/1" },
        new() { Path = "/dev/stderr", Target = "/proc/self/fd/2" },
        new() { Path = "/dev/core", Target = "/proc/kcore", OnlyIfHostPathExists = "/proc/kcore" },
        new() { Path = "/dev/ptmx", Target = "pts/ptmx", ReplaceExisting = true },
    ];

    static MountFlags? PlanRootfsPropagation(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (MountOptionTable.Propagation.TryGetValue(value, out var flags))
            return flags;
        throw new RuntimeException($"config.json: linux.rootfsPropagation: unknown propagation \"{value}\"");
    }

    static void PlanMount(Mount mount, int index, Context context, List<MountStep> steps)
    {
        string at = $"mounts[{index}]";
        if (mount.Destination.Length == 0)
            throw new RuntimeException($"config.json: {at}.destination: must not be empty");
        CheckNoNul(mount.Destination, $"{at}.destination");
        CheckNoNul(mount.Source, $"{at}.source");
        var (plainOptions, idmap, ridmap) = IdMapOptions.Extract(mount.Options);
        var options = MountOptionTable.Parse(plainOptions, $"{at}.options");
        string destination = CleanContainerPath(mount.Destination);
        bool bind = mount.Type == "bind" || options.Bind;
        CheckProcDestination(destination, mount.Type, bind, at);

        if (bind)
        {
            if (string.IsNullOrEmpty(mount.Source))
                throw new RuntimeException($"config.json: {at}.source: a bind mount needs a source");
            // A "bind" type without a bind option binds the whole subtree, like "rbind".
            bool recursive = options.RecursiveBind || !options.Bind;
            steps.Add(BindStep(at, destination, HostPath(mount.Source, context.Options.BundlePath), recursive, options) with
            {
                IdMap = PlanIdMap(mount, idmap, ridmap, context, at),
            });
            return;
        }
        if (idmap || mount.UidMappings is { Length: > 0 } || mount.GidMappings is { Length: > 0 })
            throw new RuntimeException($"config.json: {at}.options: id-mapped mounts are supported for bind mounts only");

        if (string.IsNullOrEmpty(mount.Type))
            throw new RuntimeException($"config.json: {at}.type: required unless the mount is a bind mount");

        if (mount.Type == "cgroup")
        {
            PlanCgroup(at, destination, options, context, steps);
            return;
        }

        if (mount.Type == "sysfs" && context.UserNamespace && !context.NetworkNamespace)
        {
            // The kernel refuses a new sysfs to a user namespace that does not own the
            // network namespace (EPERM); runc binds the host's /sys instead.
            steps.Add(BindStep(at, destination, "/sys", recursive: true, options));
            return;
        }

        steps.Add(new MountStep
        {
            Kind = MountStepKind.Mount,
            JsonPath = at,
            Destination = destination,
            Source = string.IsNullOrEmpty(mount.Source) ? mount.Type : mount.Source,
            FsType = mount.Type,
            Flags = options.Flags,
            Propagation = options.Propagation,
            AttrSet = options.AttrSet,
            AttrClear = options.AttrClear,
            Data = options.Data,
        });
    }

    /// <summary>
    /// config.md "idmap": the mount's own mappings, else the container's user
    /// namespace mappings, else an error. Mappings without an option count as
    /// "idmap" (config.md asks for the option only so older runtimes refuse).
    /// </summary>
    static IdMapMount? PlanIdMap(Mount mount, bool idmap, bool recursive, Context context, string at)
    {
        bool own = mount.UidMappings is { Length: > 0 } || mount.GidMappings is { Length: > 0 };
        if (!idmap && !own)
            return null;
        if (own)
        {
            if (mount.UidMappings is not { Length: > 0 } || mount.GidMappings is not { Length: > 0 })
                throw new RuntimeException($"config.json: {at}: uidMappings and gidMappings must be given together");
            return new IdMapMount { UidMappings = mount.UidMappings, GidMappings = mount.GidMappings, Recursive = recursive };
        }
        if (context.UidMappings.Length == 0 || context.GidMappings.Length == 0)
            throw new RuntimeException($"config.json: {at}.options: \"{(recursive ? "ridmap" : "idmap")}\" without uidMappings/gidMappings needs a user namespace to take the mapping from");
        return new IdMapMount
        {
            UidMappings = context.UidMappings,
            GidMappings = context.GidMappings,
            Recursive = recursive,
            UsesContainerMappings = true,
        };
    }

    static MountStep BindStep(string at, string destination, string source, bool recursive, ParsedMountOptions options)
    {
        // MS_BIND ignores every other flag: ro, nosuid, ... need a second
        // mount(2) with MS_REMOUNT|MS_BIND (mount(2) "Creating a bind mount").
        var extra = options.Flags & ~(MountFlags.Bind | MountFlags.Recursive | MountFlags.Remount);
        return new MountStep
        {
            Kind = MountStepKind.Bind,
            JsonPath = at,
            Destination = destination,
            Source = source,
            Flags = MountFlags.Bind | (recursive ? MountFlags.Recursive : MountFlags.None),
            RemountFlags = extra == MountFlags.None ? null : MountFlags.Bind | MountFlags.Remount | extra,
            Propagation = options.Propagation,
            AttrSet = options.AttrSet,
            AttrClear = options.AttrClear,
            Data = options.Data,
        };
    }

    /// <summary>
    /// A "cgroup" mount shows the container's cgroups read-only unless "rw" is given.
    /// cgroup v2: one cgroup2 mount. v1/hybrid: a tmpfs with one directory per
    /// hierarchy, each a cgroup mount (in a cgroup namespace) or a bind of the
    /// container's own cgroup directory (without one), as runc does.
    /// </summary>
    static void PlanCgroup(string at, string destination, ParsedMountOptions options, Context context, List<MountStep> steps)
    {
        var flags = options.ExplicitReadWrite ? options.Flags : options.Flags | MountFlags.ReadOnly;
        var layout = context.Options.CgroupLayout;
        if (layout.Unified)
        {
            steps.Add(new MountStep
            {
                Kind = MountStepKind.Mount,
                JsonPath = at,
                Destination = destination,
                Source = "cgroup",
                FsType = "cgroup2",
                Flags = flags,
                Propagation = options.Propagation,
                AttrSet = options.AttrSet,
                AttrClear = options.AttrClear,
                Data = options.Data,
                FallbackBindSource = context.CgroupNamespace
                    ? JoinHost(layout.UnifiedMountpoint, layout.UnifiedPath)
                    : layout.UnifiedMountpoint,
            });
            return;
        }

        steps.Add(new MountStep
        {
            Kind = MountStepKind.Mount,
            JsonPath = at,
            Destination = destination,
            Source = "tmpfs",
            FsType = "tmpfs",
            Flags = flags & ~MountFlags.ReadOnly,
            Propagation = options.Propagation,
            Data = "mode=755",
        });
        foreach (var hierarchy in layout.Hierarchies)
        {
            string sub = CleanContainerPath(destination + "/" + hierarchy.Name);
            if (context.CgroupNamespace)
            {
                steps.Add(new MountStep
                {
                    Kind = MountStepKind.Mount,
                    JsonPath = at,
                    Destination = sub,
                    Source = "cgroup",
                    FsType = "cgroup",
                    Flags = flags,
                    Data = hierarchy.Options,
                });
            }
            else
            {
                steps.Add(BindStep(at, sub, JoinHost(hierarchy.HostMountpoint, hierarchy.CgroupPath), recursive: true,
                    new ParsedMountOptions { Flags = flags }));
            }
            foreach (var controller in hierarchy.Name.Split(','))
            {
                if (controller != hierarchy.Name && !controller.StartsWith("name=", StringComparison.Ordinal))
                    steps.Add(new MountStep
                    {
                        Kind = MountStepKind.Symlink,
                        JsonPath = at,
                        Destination = CleanContainerPath(destination + "/" + controller),
                        Source = hierarchy.Name,
                    });
            }
        }
        if ((flags & MountFlags.ReadOnly) != 0)
            steps.Add(new MountStep
            {
                Kind = MountStepKind.Remount,
                JsonPath = at,
                Destination = destination,
                Flags = MountFlags.Remount | flags,
            });
    }

    static IReadOnlyList<RootfsDevice> PlanDevices(LinuxDevice[] devices, bool userns)
    {
        var configured = new List<RootfsDevice>();
        for (int i = 0; i < devices.Length; i++)
        {
            var d = devices[i];
            string at = $"linux.devices[{i}]";
            CheckNoNul(d.Path, $"{at}.path");
            if (!d.Path.StartsWith('/'))
                throw new RuntimeException($"config.json: {at}.path: \"{d.Path}\" is not an absolute path");
            string path = CleanContainerPath(d.Path);
            if (path == "/")
                throw new RuntimeException($"config.json: {at}.path: \"{d.Path}\" names the root directory");
            uint fileType = d.Type switch
            {
                "c" or "u" => MountConstants.S_IFCHR,
                "b" => MountConstants.S_IFBLK,
                "p" => MountConstants.S_IFIFO,
                _ => throw new RuntimeException($"config.json: {at}.type: unknown device type \"{d.Type}\""),
            };
            configured.Add(new RootfsDevice
            {
                JsonPath = at,
                Path = path,
                FileType = fileType,
                Major = d.Major,
                Minor = d.Minor,
                // fileMode may carry file type bits (it is a full st_mode in some engines' output).
                Permissions = (d.FileMode ?? DefaultDeviceMode) & 0xFFF,
                Uid = d.Uid ?? 0,
                Gid = d.Gid ?? 0,
                BindFromHost = userns,
            });
        }

        var result = new List<RootfsDevice>();
        foreach (var (path, major, minor) in DefaultDevices)
        {
            if (configured.Any(c => c.Path == path))
                continue;
            result.Add(new RootfsDevice
            {
                JsonPath = "default devices",
                Path = path,
                FileType = MountConstants.S_IFCHR,
                Major = major,
                Minor = minor,
                Permissions = DefaultDeviceMode,
                BindFromHost = userns,
            });
        }
        result.AddRange(configured);
        return result;
    }

    static IReadOnlyList<string> PlanPaths(string[]? paths, string at)
    {
        var result = new List<string>();
        for (int i = 0; i < (paths?.Length ?? 0); i++)
        {
            string p = paths![i];
            CheckNoNul(p, $"{at}[{i}]");
            if (!p.StartsWith('/'))
                throw new RuntimeException($"config.json: {at}[{i}]: \"{p}\" is not an absolute path");
            result.Add(CleanContainerPath(p));
        }
        return result;
    }

    static void CheckProcDestination(string destination, string? type, bool bind, string at)
    {
        if (destination == "/proc")
        {
            if (type != "proc" || bind)
                throw new RuntimeException($"config.json: {at}.destination: \"/proc\" cannot be mounted because it is not of type proc");
            return;
        }
        if (destination.StartsWith("/proc/", StringComparison.Ordinal) && !AllowedProcDestinations.Contains(destination))
            throw new RuntimeException($"config.json: {at}.destination: \"{destination}\" cannot be mounted because it is inside /proc");
    }

    static void CheckNoNul(string? value, string at)
    {
        if (value != null && value.Contains('\0'))
            throw new RuntimeException($"config.json: {at}: contains a NUL byte");
    }

    /// <summary>Relative bind sources are relative to the bundle (config.md "source").</summary>
    static string HostPath(string source, string bundle) =>
        CleanContainerPath(source.StartsWith('/') ? source : bundle + "/" + source);

    static string JoinHost(string mountpoint, string path) => CleanContainerPath(mountpoint + "/" + path);

    /// <summary>
    /// Lexical clean to an absolute path: empty and "." components dropped, ".."
    /// pops (and stops at "/", as resolution inside the rootfs does). A relative
    /// path is taken relative to "/". Symlinks are not looked at here.
    /// </summary>
    public static string CleanContainerPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
