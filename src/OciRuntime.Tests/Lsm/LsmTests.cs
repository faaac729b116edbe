using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Lsm;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Tests.ProcessAttributes;
using LinuxSection = OciRuntime.Core.Spec.Linux;

namespace OciRuntime.Tests.Lsm;

public class LsmTests
{
    private const int ENOENT = 2, EINVAL = 22;
    private static readonly LsmHost Neither = new(false, false), Both = new(true, true);

    private static ContainerConfig Config(string? profile = null, string? label = null, string? mountLabel = null) => new()
    {
        OciVersion = "1.3.0",
        Root = new Root { Path = "rootfs" },
        Process = PlannerInput.Minimal() with { ApparmorProfile = profile, SelinuxLabel = label },
        Linux = new LinuxSection { MountLabel = mountLabel },
    };

    [Test]
    public void AppArmorProfileIsSkippedWhenTheHostHasNoAppArmor()
    {
        Assert.That(LsmPlanner.Plan(Config(profile: "docker-default"), Neither).AppArmorProfile, Is.Null);
        Assert.That(LsmPlanner.Plan(Config(profile: "docker-default"), new LsmHost(true, false)).AppArmorProfile, Is.EqualTo("docker-default"));
    }

    [Test]
    public void SelinuxProcessLabelWithoutSelinuxIsAnError()
    {
        var e = Assert.Throws<RuntimeException>(() => LsmPlanner.Plan(Config(label: "system_u:system_r:container_t:s0"), Neither))!;
        Assert.That(e.Message, Is.EqualTo("config.json: process.selinuxLabel: SELinux label is set but SELinux is disabled or not supported by the host"));
        Assert.That(LsmPlanner.Plan(Config(label: "system_u:system_r:container_t:s0"), Both).ProcessLabel, Is.EqualTo("system_u:system_r:container_t:s0"));
    }

    [Test]
    public void MountLabelIsIgnoredWithoutSelinux()
    {
        Assert.That(LsmPlanner.Plan(Config(mountLabel: "system_u:object_r:container_file_t:s0"), Neither).MountLabel, Is.Null);
        Assert.That(LsmPlanner.Plan(Config(mountLabel: "system_u:object_r:container_file_t:s0"), Both).MountLabel, Is.EqualTo("system_u:object_r:container_file_t:s0"));
    }

    [Test]
    public void EmptyValuesAreUnset() =>
        Assert.That(LsmPlanner.Plan(Config("", "", ""), Neither), Is.EqualTo(new LsmPlan()));

    [TestCase("a\nb")]
    [TestCase("a\"b")]
    public void ValuesThatWouldChangeTheirWriteAreRefused(string bad) =>
        Assert.That(Assert.Throws<RuntimeException>(() => LsmPlanner.Plan(Config(profile: bad), Both))!.Message,
            Does.StartWith("config.json: process.apparmorProfile: must not contain"));

    [Test]
    public void ExecLabelsGoToTheThreadAttrFiles()
    {
        var sys = new FakeProcessSyscalls();
        new LsmApplier(sys).ApplyExecLabels(new LsmPlan { AppArmorProfile = "p1", ProcessLabel = "u:r:t:s0" });
        Assert.That(sys.Calls, Is.EqualTo(new[]
        {
            "write /proc/thread-self/attr/apparmor/exec exec p1",
            "write /proc/thread-self/attr/exec u:r:t:s0",
        }));
    }

    [Test]
    public void AppArmorFallsBackToTheSharedAttrFileOnOldKernels()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["write /proc/thread-self/attr/apparmor/"] = ENOENT;
        new LsmApplier(sys).ApplyExecLabels(new LsmPlan { AppArmorProfile = "p1" });
        Assert.That(sys.Calls.Last(), Is.EqualTo("write /proc/thread-self/attr/exec exec p1"));
    }

    [Test]
    public void AFailedWriteNamesTheProfile()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["write /proc/thread-self/attr/apparmor/"] = EINVAL;
        var e = Assert.Throws<RuntimeException>(() => new LsmApplier(sys).ApplyExecLabels(new LsmPlan { AppArmorProfile = "nope" }))!;
        Assert.That(e.Message, Does.StartWith("set apparmor profile `nope` for exec: "));
        Assert.That(sys.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public void NothingAskedWritesNothing()
    {
        var sys = new FakeProcessSyscalls();
        new LsmApplier(sys).ApplyExecLabels(new LsmPlan());
        Assert.That(sys.Calls, Is.Empty);
    }

    [Test]
    public void MountLabelGoesOnFilesystemMountsOnly()
    {
        var plan = new RootfsPlan
        {
            Mounts =
            [
                new MountStep { Kind = MountStepKind.Mount, FsType = "tmpfs", Destination = "/dev", Data = "mode=755" },
                new MountStep { Kind = MountStepKind.Mount, FsType = "proc", Destination = "/proc" },
                new MountStep { Kind = MountStepKind.Mount, FsType = "mqueue", Destination = "/dev/mqueue" },
                new MountStep { Kind = MountStepKind.Mount, FsType = "devpts", Destination = "/dev/pts" },
                new MountStep { Kind = MountStepKind.Bind, Source = "/data", Destination = "/data" },
            ],
        };
        var labelled = LsmApplier.ApplyMountLabel(plan, "u:object_r:t:s0,c1,c2");
        Assert.That(labelled.Mounts.Select(m => m.Data), Is.EqualTo(new[]
        {
            "mode=755,context=\"u:object_r:t:s0,c1,c2\"", "", "", "context=\"u:object_r:t:s0,c1,c2\"", "",
        }));
        Assert.That(LsmApplier.ApplyMountLabel(plan, null), Is.SameAs(plan));
    }
}
