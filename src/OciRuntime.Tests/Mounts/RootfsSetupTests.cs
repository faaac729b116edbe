using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Mounts;

public class RootfsSetupTests
{
    const string Rootfs = "/b/rootfs";

    static RootfsPlan Plan(Mount[] mounts, string[]? namespaces = null, Linux? linux = null, bool readonlyRoot = false, bool noPivot = false) =>
        MountPlanner.Plan(new ContainerConfig
        {
            Root = new Root { Path = "rootfs", Readonly = readonlyRoot },
            Mounts = mounts,
            Linux = (linux ?? new Linux()) with { Namespaces = (namespaces ?? ["mount"]).Select(t => new LinuxNamespace { Type = t }).ToArray() },
        }, Rootfs, new RootfsOptions { BundlePath = "/b", NoPivot = noPivot });

    [Test]
    public void PrepareMountsEverythingThroughFdsInsideTheRoot()
    {
        var sys = new RecordingMountSyscalls();
        var plan = Plan([
            new Mount { Destination = "/proc", Type = "proc", Source = "proc" },
            new Mount { Destination = "/dev/pts", Type = "devpts", Source = "devpts", Options = ["nosuid", "newinstance", "ptmxmode=0666"] },
        ]) with { Devices = [], DevSymlinks = [] };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Calls, Is.EqualTo(new[]
        {
            "mount - / - Recursive, Slave -",
            "mount /b/rootfs /b/rootfs bind Bind, Recursive -",
            "open-in-root /proc CreateDirectory",
            "mount proc [root:/proc] proc None -",
            "open-in-root /dev/pts CreateDirectory",
            "mount devpts [root:/dev/pts] devpts NoSuid newinstance,ptmxmode=0666",
        }));
    }

    [Test]
    public void ParentMountIsMadePrivateOnlyWhenShared()
    {
        var sys = new RecordingMountSyscalls
        {
            MountInfoText = "1 0 8:1 / / rw shared:1 - ext4 /dev/sda1 rw\n2 1 8:2 / /b rw shared:2 - ext4 /dev/sda2 rw\n3 1 8:3 / /bx rw - ext4 /dev/sda3 rw\n",
        };
        new RootfsSetup(sys).PrepareRootfs(Plan([]) with { Devices = [], DevSymlinks = [] });
        Assert.That(sys.Calls[1], Is.EqualTo("mount - /b - Private -"));

        var notShared = new RecordingMountSyscalls { MountInfoText = "1 0 8:1 / / rw shared:1 - ext4 /dev/sda1 rw\n2 1 8:2 / /b rw master:3 - ext4 /dev/sda2 rw\n" };
        new RootfsSetup(notShared).PrepareRootfs(Plan([]) with { Devices = [], DevSymlinks = [] });
        Assert.That(notShared.Calls.Any(c => c.Contains("Private")), Is.False);
    }

    [Test]
    public void BindOfAFileCreatesAFileAndRemountsWithFlagsAndPropagation()
    {
        var sys = new RecordingMountSyscalls();
        sys.Status["host:/etc/resolv.conf"] = new NodeStatus(MountConstants.S_IFREG | 0x1A4, 0);
        var plan = Plan([new Mount { Destination = "/etc/resolv.conf", Source = "/etc/resolv.conf", Options = ["bind", "ro", "rprivate", "rnoexec"] }]) with { Devices = [], DevSymlinks = [] };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Calls.Skip(2), Is.EqualTo(new[]
        {
            "open-in-root /etc/resolv.conf CreateFile",
            "mount [host:/etc/resolv.conf] [root:/etc/resolv.conf] - Bind -",
            "mount - [root:/etc/resolv.conf] - ReadOnly, Remount, Bind -",
            "mount - [root:/etc/resolv.conf] - Recursive, Private -",
            "mount_setattr [root:/etc/resolv.conf] recursive=True set=NoExec clear=None",
        }));
    }

    [Test]
    public void RemountInUserNamespaceKeepsLockedFlags()
    {
        var sys = new RecordingMountSyscalls();
        sys.FlagsOf["root:/data"] = MountFlags.NoSuid | MountFlags.NoDev | MountFlags.NoAtime | MountFlags.ReadOnly;
        var plan = Plan([new Mount { Destination = "/data", Source = "/srv", Options = ["rbind", "ro"] }], ["mount", "user"]) with { Devices = [], DevSymlinks = [] };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Mounts.Last(), Is.EqualTo("mount - [root:/data] - ReadOnly, NoSuid, NoDev, Remount, NoAtime, Bind -"));
        Assert.That(RootfsSetup.KeepLockedFlags(MountFlags.StrictAtime, MountFlags.NoAtime | MountFlags.NoExec), Is.EqualTo(MountFlags.StrictAtime | MountFlags.NoExec));
    }

    [Test]
    public void Cgroup2FallsBackToABindOnEperm()
    {
        var sys = new RecordingMountSyscalls();
        sys.FailMount["cgroup2"] = MountConstants.EPERM;
        var plan = Plan([new Mount { Destination = "/sys/fs/cgroup", Type = "cgroup", Options = ["nosuid"] }], ["mount", "user"]) with { Devices = [], DevSymlinks = [] };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Mounts.Skip(2), Is.EqualTo(new[]
        {
            "mount cgroup [root:/sys/fs/cgroup] cgroup2 ReadOnly, NoSuid -",
            "mount [host:/sys/fs/cgroup] [root:/sys/fs/cgroup] - Bind, Recursive -",
            "mount - [root:/sys/fs/cgroup] - ReadOnly, NoSuid, Remount, Bind -",
        }));
    }

    [Test]
    public void MountFailureNamesTheJsonPathAndDestination()
    {
        var sys = new RecordingMountSyscalls();
        sys.FailMount["mqueue"] = MountConstants.EPERM;
        var plan = Plan([new Mount { Destination = "/proc", Type = "proc" }, new Mount { Destination = "/dev/mqueue", Type = "mqueue", Source = "mqueue" }]) with { Devices = [], DevSymlinks = [] };
        var e = Assert.Throws<SyscallException>(() => new RootfsSetup(sys).PrepareRootfs(plan));
        Assert.That(e!.Message, Is.EqualTo("mounts[1]: mount `mqueue` on `/dev/mqueue`: Operation not permitted"));
    }

    [Test]
    public void DevicesAreMknodedChmoddedAndChowned()
    {
        var sys = new RecordingMountSyscalls { HostPaths = { "/proc/kcore" } };
        var plan = Plan([], linux: new Linux { Devices = [new LinuxDevice { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 0x1B0, Uid = 1, Gid = 2 }] });
        plan = plan with { Devices = plan.Devices.Where(d => d.Path is "/dev/null" or "/dev/fuse").ToList() };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Calls.Skip(2), Is.EqualTo(new[]
        {
            "open-in-root /dev CreateDirectory",
            $"mknod [root:/dev] null 0x{MountConstants.S_IFCHR | 0x1B6:x} 259",
            "chmod [node:null] 0666",
            "chown [node:null] 0:0",
            "open-in-root /dev CreateDirectory",
            $"mknod [root:/dev] fuse 0x{MountConstants.S_IFCHR | 0x1B0:x} 2789",
            "chmod [node:fuse] 0660",
            "chown [node:fuse] 1:2",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] fd -> /proc/self/fd",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] stdin -> /proc/self/fd/0",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] stdout -> /proc/self/fd/1",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] stderr -> /proc/self/fd/2",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] core -> /proc/kcore",
            "open-in-root /dev CreateDirectory", "symlink [root:/dev] ptmx -> pts/ptmx replace",
        }));
    }

    [Test]
    public void ExistingFileThatIsNotTheDeviceIsAnError()
    {
        var sys = new RecordingMountSyscalls();
        sys.Status["node:null"] = new NodeStatus(MountConstants.S_IFLNK | 0x1FF, 0);
        var plan = Plan([]);
        var e = Assert.Throws<RuntimeException>(() => new RootfsSetup(sys).PrepareRootfs(plan));
        Assert.That(e!.Message, Is.EqualTo("default devices: `/dev/null` exists and is not the requested device"));
    }

    [Test]
    public void UserNamespaceBindsHostDeviceNodes()
    {
        var sys = new RecordingMountSyscalls();
        var plan = Plan([], ["mount", "user"]);
        plan = plan with { Devices = plan.Devices.Take(1).ToList(), DevSymlinks = [] };
        new RootfsSetup(sys).PrepareRootfs(plan);
        Assert.That(sys.Calls.Skip(2), Is.EqualTo(new[]
        {
            "open-in-root /dev/null CreateFile",
            "mount [host:/dev/null] [root:/dev/null] - Bind -",
        }));
    }

    [Test]
    public void EnterPivotsAndDetachesTheOldRoot()
    {
        var sys = new RecordingMountSyscalls();
        new RootfsSetup(sys).EnterRootfs(Plan([], linux: new Linux { RootfsPropagation = "rshared" }));
        Assert.That(sys.Calls, Is.EqualTo(new[]
        {
            "fchdir [host:/b/rootfs]", "pivot_root . .", "fchdir [host:/]",
            "mount - . - Recursive, Slave -", "umount-detach .", "chdir /",
            "mount - / - Recursive, Shared -",
        }));
    }

    [Test]
    public void EnterWithNoPivotMovesAndChroots()
    {
        var sys = new RecordingMountSyscalls();
        new RootfsSetup(sys).EnterRootfs(Plan([], noPivot: true));
        Assert.That(sys.Calls, Is.EqualTo(new[] { "chdir /b/rootfs", "mount /b/rootfs / - Move -", "chroot .", "chdir /" }));
    }

    [Test]
    public void WithoutMountNamespaceOnlyChroot()
    {
        var sys = new RecordingMountSyscalls();
        var plan = Plan([new Mount { Destination = "/proc", Type = "proc" }], ["pid"]);
        var setup = new RootfsSetup(sys);
        setup.PrepareRootfs(plan);
        setup.EnterRootfs(plan);
        setup.FinishRootfs(plan);
        Assert.That(sys.Calls, Is.EqualTo(new[] { "chroot /b/rootfs", "chdir /" }));
    }

    static readonly NodeStatus NullDevice = new(MountConstants.S_IFCHR | 0x1B6, NodeStatus.MakeDev(1, 3));

    [Test]
    public void FinishMasksReadonlysAndRemountsRoot()
    {
        var sys = new RecordingMountSyscalls();
        sys.Status["root:/proc/kcore"] = new NodeStatus(MountConstants.S_IFREG, 0);
        sys.Status["root:/dev/null"] = NullDevice;
        sys.MissingInRoot.Add("/proc/missing");
        sys.FlagsOf["root:/proc/sys"] = MountFlags.NoSuid | MountFlags.NoExec | MountFlags.RelAtime;
        sys.FlagsOf["host:/"] = MountFlags.NoDev;
        var plan = Plan([], linux: new Linux { MaskedPaths = ["/proc/kcore", "/proc/missing", "/proc/acpi"], ReadonlyPaths = ["/proc/missing", "/proc/sys"] }, readonlyRoot: true);
        new RootfsSetup(sys).FinishRootfs(plan);
        Assert.That(sys.Calls, Is.EqualTo(new[]
        {
            "mount [root:/dev/null] [root:/proc/kcore] - Bind -",
            "mount tmpfs [root:/proc/acpi] tmpfs ReadOnly -",
            "mount [root:/proc/sys] [root:/proc/sys] - Bind, Recursive -",
            "mount - [root:/proc/sys] - ReadOnly, NoSuid, NoExec, Remount, Bind, Recursive, RelAtime -",
            "mount - / - ReadOnly, NoDev, Remount, Bind -",
        }));
    }

    [Test]
    public void MaskingRefusesAFakeDevNull()
    {
        var sys = new RecordingMountSyscalls();
        sys.Status["root:/proc/kcore"] = new NodeStatus(MountConstants.S_IFREG, 0);
        sys.Status["root:/dev/null"] = new NodeStatus(MountConstants.S_IFREG | 0x1A4, 0);
        var plan = Plan([], linux: new Linux { MaskedPaths = ["/proc/kcore"] });
        var e = Assert.Throws<RuntimeException>(() => new RootfsSetup(sys).FinishRootfs(plan));
        Assert.That(e!.Message, Is.EqualTo("linux.maskedPaths: /dev/null in the container is not the null device (char 1:3)"));
        Assert.That(sys.Mounts, Is.Empty);

        sys.Status["root:/dev/null"] = new NodeStatus(MountConstants.S_IFCHR | 0x1B6, NodeStatus.MakeDev(1, 5));
        Assert.Throws<RuntimeException>(() => new RootfsSetup(sys).FinishRootfs(plan));
    }
}
