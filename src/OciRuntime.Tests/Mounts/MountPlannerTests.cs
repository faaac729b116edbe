using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Mounts;

public class MountPlannerTests
{
    static readonly RootfsOptions Options = new() { BundlePath = "/bundles/b1" };

    static ContainerConfig Config(Mount[]? mounts = null, string[]? namespaces = null, Linux? linux = null) => new()
    {
        Root = new Root { Path = "rootfs" },
        Mounts = mounts,
        Linux = (linux ?? new Linux()) with
        {
            Namespaces = (namespaces ?? ["mount", "pid"]).Select(t => new LinuxNamespace { Type = t }).ToArray(),
        },
    };

    static RootfsPlan Plan(ContainerConfig config, RootfsOptions? options = null) =>
        MountPlanner.Plan(config, "/bundles/b1/rootfs", options ?? Options);

    static string Error(ContainerConfig config, RootfsOptions? options = null) =>
        Assert.Throws<RuntimeException>(() => Plan(config, options))!.Message;

    [Test]
    public void RegularMountKeepsTypeFlagsAndData()
    {
        var plan = Plan(Config([new Mount { Destination = "/dev", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "strictatime", "mode=755", "size=65536k"] }]));
        var step = plan.Mounts.Single();
        Assert.That(step.Kind, Is.EqualTo(MountStepKind.Mount));
        Assert.That(step.FsType, Is.EqualTo("tmpfs"));
        Assert.That(step.Flags, Is.EqualTo(MountFlags.NoSuid | MountFlags.StrictAtime));
        Assert.That(step.Data, Is.EqualTo("mode=755,size=65536k"));
        Assert.That(step.JsonPath, Is.EqualTo("mounts[0]"));
    }

    [Test]
    public void DestinationIsCleanedLexically()
    {
        var plan = Plan(Config([new Mount { Destination = "//a/./b/../c/", Type = "tmpfs" }, new Mount { Destination = "rel/x", Type = "tmpfs" }, new Mount { Destination = "/../../x", Type = "tmpfs" }]));
        Assert.That(plan.Mounts.Select(m => m.Destination), Is.EqualTo(new[] { "/a/c", "/rel/x", "/x" }));
    }

    [Test]
    public void BindWithReadOnlyNeedsARemount()
    {
        var step = Plan(Config([new Mount { Destination = "/data", Type = "none", Source = "/srv/data", Options = ["bind", "ro", "nosuid", "rprivate"] }])).Mounts.Single();
        Assert.That(step.Kind, Is.EqualTo(MountStepKind.Bind));
        Assert.That(step.Source, Is.EqualTo("/srv/data"));
        Assert.That(step.Flags, Is.EqualTo(MountFlags.Bind));
        Assert.That(step.RemountFlags, Is.EqualTo(MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly | MountFlags.NoSuid));
        Assert.That(step.Propagation, Is.EqualTo(new[] { MountFlags.Private | MountFlags.Recursive }));
    }

    [Test]
    public void PlainBindNeedsNoRemountAndRbindIsRecursive()
    {
        var plan = Plan(Config([
            new Mount { Destination = "/a", Source = "/x", Options = ["rbind"] },
            new Mount { Destination = "/b", Type = "bind", Source = "/x" },
            new Mount { Destination = "/c", Type = "bind", Source = "/x", Options = ["bind"] },
        ]));
        Assert.That(plan.Mounts.Select(m => m.Flags), Is.EqualTo(new[] { MountFlags.Bind | MountFlags.Recursive, MountFlags.Bind | MountFlags.Recursive, MountFlags.Bind }));
        Assert.That(plan.Mounts.All(m => m.Kind == MountStepKind.Bind && m.RemountFlags == null), Is.True);
    }

    [Test]
    public void RelativeBindSourceIsRelativeToTheBundle()
    {
        var step = Plan(Config([new Mount { Destination = "/data", Source = "../shared/./data", Options = ["bind"] }])).Mounts.Single();
        Assert.That(step.Source, Is.EqualTo("/bundles/shared/data"));
    }

    [Test]
    public void Errors()
    {
        Assert.That(Error(Config([new Mount { Destination = "", Type = "tmpfs" }])), Is.EqualTo("config.json: mounts[0].destination: must not be empty"));
        Assert.That(Error(Config([new Mount { Destination = "/x", Type = "tmpfs" }, new Mount { Destination = "/y", Options = ["bind"] }])),
            Is.EqualTo("config.json: mounts[1].source: a bind mount needs a source"));
        Assert.That(Error(Config([new Mount { Destination = "/x" }])), Is.EqualTo("config.json: mounts[0].type: required unless the mount is a bind mount"));
        Assert.That(Error(Config([new Mount { Destination = "/x", Type = "tmpfs", Options = ["ridmap"] }])), Is.EqualTo("config.json: mounts[0].options: id-mapped mounts are supported for bind mounts only"));
        Assert.That(Error(Config([new Mount { Destination = "/x", Source = "/y", Options = ["bind"], UidMappings = [new IdMapping { Size = 1 }] }])),
            Is.EqualTo("config.json: mounts[0]: uidMappings and gidMappings must be given together"));
        Assert.That(Error(Config(linux: new Linux { RootfsPropagation = "foo" })), Is.EqualTo("config.json: linux.rootfsPropagation: unknown propagation \"foo\""));
        Assert.That(Error(Config(linux: new Linux { MaskedPaths = ["/ok", "proc/kcore"] })), Is.EqualTo("config.json: linux.maskedPaths[1]: \"proc/kcore\" is not an absolute path"));
        Assert.That(Error(Config(linux: new Linux { ReadonlyPaths = ["rel"] })), Is.EqualTo("config.json: linux.readonlyPaths[0]: \"rel\" is not an absolute path"));
        Assert.That(Error(Config(linux: new Linux { Devices = [new LinuxDevice { Type = "x", Path = "/dev/a" }] })), Is.EqualTo("config.json: linux.devices[0].type: unknown device type \"x\""));
        Assert.That(Error(Config(linux: new Linux { Devices = [new LinuxDevice { Type = "c", Path = "dev/a" }] })), Is.EqualTo("config.json: linux.devices[0].path: \"dev/a\" is not an absolute path"));
    }

    [Test]
    public void ProcDestinationsAreChecked()
    {
        Assert.That(Error(Config([new Mount { Destination = "/proc", Type = "tmpfs" }])),
            Is.EqualTo("config.json: mounts[0].destination: \"/proc\" cannot be mounted because it is not of type proc"));
        Assert.That(Error(Config([new Mount { Destination = "/proc/sys", Source = "/x", Options = ["bind"] }])),
            Is.EqualTo("config.json: mounts[0].destination: \"/proc/sys\" cannot be mounted because it is inside /proc"));
        Assert.That(Plan(Config([new Mount { Destination = "/proc/./", Type = "proc" }, new Mount { Destination = "/proc/meminfo", Source = "/x", Options = ["bind"] }])).Mounts, Has.Count.EqualTo(2));
    }

    [Test]
    public void RootPropagationDefaultsToRecursiveSlave()
    {
        var plan = Plan(Config());
        Assert.That(plan.RootPropagation, Is.EqualTo(MountFlags.Slave | MountFlags.Recursive));
        Assert.That(plan.RootfsPropagation, Is.Null);
        var shared = Plan(Config(linux: new Linux { RootfsPropagation = "shared" }));
        Assert.That((shared.RootPropagation, shared.RootfsPropagation), Is.EqualTo((MountFlags.Shared, (MountFlags?)MountFlags.Shared)));
    }

    [Test]
    public void NamespacesDecideMountNamespaceAndUserNamespace()
    {
        Assert.That(Plan(Config(namespaces: ["pid"])).MountNamespace, Is.False);
        var plan = Plan(Config(namespaces: ["mount", "user"]));
        Assert.That((plan.MountNamespace, plan.UserNamespace), Is.EqualTo((true, true)));
        Assert.That(Plan(Config(), Options with { RunningInUserNamespace = true }).UserNamespace, Is.True);
        Assert.That(Plan(Config(), Options with { NoPivot = true }).NoPivot, Is.True);
    }

    [Test]
    public void DefaultDevicesAreMknodedWithoutUserNamespace()
    {
        var plan = Plan(Config());
        Assert.That(plan.Devices.Select(d => (d.Path, d.Major, d.Minor)), Is.EqualTo(new[]
        {
            ("/dev/null", 1L, 3L), ("/dev/zero", 1L, 5L), ("/dev/full", 1L, 7L), ("/dev/random", 1L, 8L), ("/dev/urandom", 1L, 9L), ("/dev/tty", 5L, 0L),
        }));
        Assert.That(plan.Devices.All(d => d.Permissions == 0x1B6 && d.FileType == MountConstants.S_IFCHR && !d.BindFromHost), Is.True);
    }

    [Test]
    public void ConfiguredDevicesReplaceDefaultsAndKeepModeAndOwner()
    {
        var plan = Plan(Config(linux: new Linux
        {
            Devices =
            [
                new LinuxDevice { Type = "c", Path = "/dev/null", Major = 1, Minor = 3, FileMode = 0x1A4, Uid = 5, Gid = 6 },
                new LinuxDevice { Type = "b", Path = "/dev/sda", Major = 8, Minor = 0, FileMode = 0x6000 | 0x1B0 },
                new LinuxDevice { Type = "p", Path = "/dev/fifo" },
            ],
        }));
        Assert.That(plan.Devices.Count(d => d.Path == "/dev/null"), Is.EqualTo(1));
        var nul = plan.Devices.Single(d => d.Path == "/dev/null");
        Assert.That((nul.Permissions, nul.Uid, nul.Gid, nul.JsonPath), Is.EqualTo((0x1A4u, 5u, 6u, "linux.devices[0]")));
        var sda = plan.Devices.Single(d => d.Path == "/dev/sda");
        Assert.That((sda.FileType, sda.Permissions), Is.EqualTo((MountConstants.S_IFBLK, 0x1B0u)));
        Assert.That(plan.Devices.Single(d => d.Path == "/dev/fifo").FileType, Is.EqualTo(MountConstants.S_IFIFO));
        Assert.That(plan.Devices.Single(d => d.Path == "/dev/fifo").Permissions, Is.EqualTo(0x1B6u));
    }

    [Test]
    public void UserNamespaceBindsDevicesAndSysfs()
    {
        var plan = Plan(Config([new Mount { Destination = "/sys", Type = "sysfs", Source = "sysfs", Options = ["nosuid", "ro"] }], ["mount", "user"]));
        Assert.That(plan.Devices.All(d => d.BindFromHost), Is.True);
        var sys = plan.Mounts.Single();
        Assert.That((sys.Kind, sys.Source, sys.Flags), Is.EqualTo((MountStepKind.Bind, "/sys", MountFlags.Bind | MountFlags.Recursive)));
        Assert.That(sys.RemountFlags, Is.EqualTo(MountFlags.Bind | MountFlags.Remount | MountFlags.NoSuid | MountFlags.ReadOnly));

        var withNet = Plan(Config([new Mount { Destination = "/sys", Type = "sysfs", Source = "sysfs" }], ["mount", "user", "network"]));
        Assert.That(withNet.Mounts.Single().Kind, Is.EqualTo(MountStepKind.Mount));
    }

    [Test]
    public void BindMountedDevSkipsDeviceSetup()
    {
        var plan = Plan(Config([new Mount { Destination = "/dev/", Source = "/dev", Options = ["rbind"] }]));
        Assert.That(plan.SetupDev, Is.False);
        Assert.That(plan.Devices, Is.Empty);
        Assert.That(plan.DevSymlinks, Is.Empty);
        var normal = Plan(Config([new Mount { Destination = "/dev", Type = "tmpfs" }]));
        Assert.That(normal.DevSymlinks.Select(l => $"{l.Path}->{l.Target}"), Is.EqualTo(new[]
        {
            "/dev/fd->/proc/self/fd", "/dev/stdin->/proc/self/fd/0", "/dev/stdout->/proc/self/fd/1", "/dev/stderr->/proc/self/fd/2", "/dev/core->/proc/kcore", "/dev/ptmx->pts/ptmx",
        }));
    }

    [Test]
    public void CgroupOnV2IsOneReadOnlyCgroup2Mount()
    {
        var layout = new HostCgroupLayout { UnifiedMountpoint = "/sys/fs/cgroup", UnifiedPath = "/ctr" };
        var step = Plan(Config([new Mount { Destination = "/sys/fs/cgroup", Type = "cgroup", Source = "cgroup", Options = ["nosuid", "noexec", "nodev", "relatime"] }]),
            Options with { CgroupLayout = layout }).Mounts.Single();
        Assert.That((step.Kind, step.FsType), Is.EqualTo((MountStepKind.Mount, "cgroup2")));
        Assert.That(step.Flags, Is.EqualTo(MountFlags.NoSuid | MountFlags.NoExec | MountFlags.NoDev | MountFlags.RelAtime | MountFlags.ReadOnly));
        Assert.That(step.FallbackBindSource, Is.EqualTo("/sys/fs/cgroup"));

        var rw = Plan(Config([new Mount { Destination = "/sys/fs/cgroup", Type = "cgroup", Options = ["rw"] }], ["mount", "cgroup"]), Options with { CgroupLayout = layout }).Mounts.Single();
        Assert.That(rw.Flags, Is.EqualTo(MountFlags.None));
        Assert.That(rw.FallbackBindSource, Is.EqualTo("/sys/fs/cgroup/ctr"));
    }

    static readonly HostCgroupLayout V1 = new()
    {
        Unified = false,
        Hierarchies =
        [
            new CgroupHierarchy("cpu,cpuacct", "cpu,cpuacct", "/sys/fs/cgroup/cpu,cpuacct", "/ctr"),
            new CgroupHierarchy("systemd", "name=systemd", "/sys/fs/cgroup/systemd", "/ctr"),
        ],
    };

    [Test]
    public void CgroupOnV1WithoutCgroupNamespaceBindsTheContainersCgroups()
    {
        var steps = Plan(Config([new Mount { Destination = "/sys/fs/cgroup", Type = "cgroup", Options = ["nosuid", "ro"] }]), Options with { CgroupLayout = V1 }).Mounts;
        Assert.That(steps.Select(s => $"{s.Kind} {s.Destination} {s.Source}"), Is.EqualTo(new[]
        {
            "Mount /sys/fs/cgroup tmpfs",
            "Bind /sys/fs/cgroup/cpu,cpuacct /sys/fs/cgroup/cpu,cpuacct/ctr",
            "Symlink /sys/fs/cgroup/cpu cpu,cpuacct",
            "Symlink /sys/fs/cgroup/cpuacct cpu,cpuacct",
            "Bind /sys/fs/cgroup/systemd /sys/fs/cgroup/systemd/ctr",
            "Remount /sys/fs/cgroup ",
        }));
        Assert.That(steps[0].Flags, Is.EqualTo(MountFlags.NoSuid));
        Assert.That(steps[1].RemountFlags, Is.EqualTo(MountFlags.Bind | MountFlags.Remount | MountFlags.NoSuid | MountFlags.ReadOnly));
        Assert.That(steps[5].Flags, Is.EqualTo(MountFlags.Remount | MountFlags.NoSuid | MountFlags.ReadOnly));
    }

    [Test]
    public void CgroupOnV1InCgroupNamespaceMountsEachHierarchy()
    {
        var steps = Plan(Config([new Mount { Destination = "/sys/fs/cgroup", Type = "cgroup", Options = ["rw"] }], ["mount", "cgroup"]), Options with { CgroupLayout = V1 }).Mounts;
        Assert.That(steps.Where(s => s.FsType == "cgroup").Select(s => $"{s.Destination} {s.Data} {s.Flags}"), Is.EqualTo(new[]
        {
            "/sys/fs/cgroup/cpu,cpuacct cpu,cpuacct None", "/sys/fs/cgroup/systemd name=systemd None",
        }));
        Assert.That(steps.Any(s => s.Kind == MountStepKind.Remount), Is.False);
    }

    [Test]
    public void MaskedReadonlyAndRoot()
    {
        var plan = Plan(Config(linux: new Linux { MaskedPaths = ["/proc/kcore", "/proc//acpi/"], ReadonlyPaths = ["/proc/sys"] }) with { Root = new Root { Path = "r", Readonly = true } });
        Assert.That(plan.MaskedPaths, Is.EqualTo(new[] { "/proc/kcore", "/proc/acpi" }));
        Assert.That(plan.ReadonlyPaths, Is.EqualTo(new[] { "/proc/sys" }));
        Assert.That(plan.ReadonlyRoot, Is.True);
        Assert.That(plan.RootfsPath, Is.EqualTo("/bundles/b1/rootfs"));
    }
}
