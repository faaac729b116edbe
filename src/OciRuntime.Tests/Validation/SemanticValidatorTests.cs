using System.Collections.Generic;
using NUnit.Framework;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;
using LinuxSection = OciRuntime.Core.Spec.Linux;

namespace OciRuntime.Tests.Validation;

public class SemanticValidatorTests
{
    private static readonly LinuxNamespace[] Usual =
        [Ns("pid"), Ns("network"), Ns("ipc"), Ns("uts"), Ns("mount")];

    private static ContainerConfig Valid() => new()
    {
        OciVersion = "1.3.0",
        Root = new Root { Path = "rootfs" },
        Hostname = "box",
        Process = new Process
        {
            Args = ["sh"],
            Cwd = "/",
            Capabilities = new Capabilities { Bounding = ["CAP_KILL", "CAP_CHECKPOINT_RESTORE"], Effective = ["CAP_CHOWN"] },
            Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Soft = 1024, Hard = 4096 }],
        },
        Mounts = [new Mount { Destination = "/proc", Type = "proc", Source = "proc" }],
        Linux = new LinuxSection
        {
            Namespaces = Usual,
            Devices = [new LinuxDevice { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229 }],
            Sysctl = new Dictionary<string, string> { ["net.ipv4.ip_forward"] = "1", ["kernel.shmmax"] = "1" },
            Resources = new LinuxResources { Devices = [new DeviceCgroup { Allow = false, Access = "rwm" }] },
        },
    };

    private static LinuxNamespace Ns(string type, string? path = null) => new() { Type = type, Path = path };

    private static LinuxSection L(ContainerConfig c) => c.Linux!;
    private static Process P(ContainerConfig c) => c.Process!;

    private static ContainerConfig WithNamespaces(params LinuxNamespace[] ns) => Valid() with { Linux = L(Valid()) with { Namespaces = ns, Sysctl = null } };

    private static void ExpectOnly(ContainerConfig config, string line) =>
        Assert.That(SemanticValidator.Validate(config), Is.EqualTo(new[] { line }));

    [Test]
    public void ValidConfigPasses() => Assert.That(SemanticValidator.Validate(Valid()), Is.Empty);

    [TestCase("1.0.2-dev")]
    [TestCase("1.3.0+build.5")]
    [TestCase("1.10.0")]
    public void AcceptsVersionsWithMajorOne(string version) =>
        Assert.That(SemanticValidator.Validate(Valid() with { OciVersion = version }), Is.Empty);

    [Test]
    public void RejectsOtherMajorVersion() =>
        ExpectOnly(Valid() with { OciVersion = "2.0.0" }, "config.json: ociVersion: \"2.0.0\" is not supported (major version must be 1)");

    [TestCase("1.0")]
    [TestCase("v1.0.0")]
    [TestCase("1.0.x")]
    [TestCase("1.0.0-")]
    public void RejectsMalformedVersion(string version) =>
        ExpectOnly(Valid() with { OciVersion = version }, $"config.json: ociVersion: \"{version}\" is not a version of the form MAJOR.MINOR.PATCH");

    [Test]
    public void RootIsRequired() => ExpectOnly(Valid() with { Root = null }, "config.json: root: required on Linux");

    [Test]
    public void RootPathMustNotBeEmpty() =>
        ExpectOnly(Valid() with { Root = new Root { Path = "" } }, "config.json: root.path: must not be empty");

    [Test]
    public void ProcessIsRequired() =>
        ExpectOnly(Valid() with { Process = null }, "config.json: process: required to create a container");

    [Test]
    public void ArgsMustNotBeEmpty() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Args = [] } }, "config.json: process.args: must not be empty");

    [Test]
    public void CwdMustBeAbsolute() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Cwd = "home" } }, "config.json: process.cwd: must be an absolute path, got \"home\"");

    [Test]
    public void ConsoleSizeNeedsTerminal() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { ConsoleSize = new ConsoleSize { Height = 24, Width = 80 } } },
            "config.json: process.consoleSize: only allowed when process.terminal is true");

    [Test]
    public void MountDestinationMustNotBeEmpty() =>
        ExpectOnly(Valid() with { Mounts = [new Mount { Destination = "/proc" }, new Mount { Destination = "" }] },
            "config.json: mounts[1].destination: must not be empty");

    [Test]
    public void MountDestinationMustBeAbsolute() =>
        ExpectOnly(Valid() with { Mounts = [new Mount { Destination = "data" }] },
            "config.json: mounts[0].destination: must be an absolute path, got \"data\"");

    [Test]
    public void MountDestinationMayContainDotDot() =>
        Assert.That(SemanticValidator.Validate(Valid() with { Mounts = [new Mount { Destination = "/a/../b" }] }), Is.Empty);

    [Test]
    public void NamespaceTypeMustBeKnown() =>
        ExpectOnly(WithNamespaces(Ns("pid"), Ns("uts"), Ns("foo")),
            "config.json: linux.namespaces[2].type: unknown namespace \"foo\"");

    [Test]
    public void NamespaceTypesMustNotRepeat() =>
        ExpectOnly(WithNamespaces(Ns("uts"), Ns("pid"), Ns("pid", "/proc/1/ns/pid")),
            "config.json: linux.namespaces[2].type: duplicate namespace \"pid\"");

    [Test]
    public void NamespacePathMustBeAbsolute() =>
        ExpectOnly(WithNamespaces(Ns("uts"), Ns("network", "run/netns/x")),
            "config.json: linux.namespaces[1].path: must be an absolute path, got \"run/netns/x\"");

    [Test]
    public void AllEightNamespaceTypesAreKnown()
    {
        var all = new[] { "mount", "pid", "network", "uts", "ipc", "cgroup", "time" };
        var ns = new List<LinuxNamespace>();
        foreach (var t in all)
            ns.Add(new LinuxNamespace { Type = t });
        ns.Add(new LinuxNamespace { Type = "user", Path = "/proc/1/ns/user" });
        Assert.That(SemanticValidator.Validate(WithNamespaces([.. ns])), Is.Empty);
    }

    [Test]
    public void CreatedUserNamespaceNeedsMappings()
    {
        var c = WithNamespaces(Ns("uts"), Ns("user"));
        c = c with { Linux = L(c) with { GidMappings = [new IdMapping { ContainerId = 0, HostId = 1000, Size = 1 }] } };
        ExpectOnly(c, "config.json: linux.uidMappings: required when a user namespace is created");
    }

    [Test]
    public void JoinedUserNamespaceNeedsNoMappings() =>
        Assert.That(SemanticValidator.Validate(WithNamespaces(Ns("uts"), Ns("user", "/proc/1/ns/user"))), Is.Empty);

    [Test]
    public void MappingsNeedAUserNamespace()
    {
        var c = Valid();
        c = c with { Linux = L(c) with { GidMappings = [new IdMapping { HostId = 1000, Size = 1 }] } };
        ExpectOnly(c, "config.json: linux.gidMappings: not allowed without a user namespace");
    }

    [Test]
    public void MappingSizeMustBePositive()
    {
        var c = WithNamespaces(Ns("uts"), Ns("user"));
        c = c with
        {
            Linux = L(c) with
            {
                UidMappings = [new IdMapping { HostId = 1000, Size = 1 }, new IdMapping { ContainerId = 1, HostId = 2000, Size = 0 }],
                GidMappings = [new IdMapping { HostId = 1000, Size = 1 }],
            },
        };
        ExpectOnly(c, "config.json: linux.uidMappings[1].size: must be greater than 0");
    }

    [Test]
    public void TimeOffsetsNeedATimeNamespace()
    {
        var c = Valid();
        c = c with { Linux = L(c) with { TimeOffsets = new() { ["monotonic"] = new TimeOffset { Secs = 10 } } } };
        ExpectOnly(c, "config.json: linux.timeOffsets: requires a time namespace");
    }

    [Test]
    public void TimeOffsetClockMustBeKnown()
    {
        var c = WithNamespaces(Ns("uts"), Ns("time"));
        c = c with { Linux = L(c) with { TimeOffsets = new() { ["boottime"] = new TimeOffset(), ["realtime"] = new TimeOffset { Secs = 1 } } } };
        ExpectOnly(c, "config.json: linux.timeOffsets.realtime: unknown clock \"realtime\" (monotonic or boottime)");
    }

    [Test]
    public void HostnameNeedsUtsNamespace() =>
        ExpectOnly(WithNamespaces(Ns("pid")), "config.json: hostname: requires a uts namespace");

    [Test]
    public void DomainnameNeedsUtsNamespace() =>
        ExpectOnly(WithNamespaces(Ns("pid")) with { Hostname = null, Domainname = "example.org" },
            "config.json: domainname: requires a uts namespace");

    [Test]
    public void HookPathMustBeAbsolute() =>
        ExpectOnly(Valid() with { Hooks = new Hooks { Poststop = [new Hook { Path = "/bin/true" }, new Hook { Path = "true" }] } },
            "config.json: hooks.poststop[1].path: must be an absolute path, got \"true\"");

    [Test]
    public void HookTimeoutMustBePositive() =>
        ExpectOnly(Valid() with { Hooks = new Hooks { CreateRuntime = [new Hook { Path = "/bin/true", Timeout = 0 }], Prestart = [new Hook { Path = "/x", Timeout = 5 }] } },
            "config.json: hooks.createRuntime[0].timeout: must be greater than 0");

    [Test]
    public void RlimitTypeMustBeKnown() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Rlimits = [new Rlimit { Type = "RLIMIT_FOO" }] } },
            "config.json: process.rlimits[0].type: unknown rlimit \"RLIMIT_FOO\"");

    [Test]
    public void RlimitTypesMustNotRepeat() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Rlimits = [new Rlimit { Type = "RLIMIT_CORE" }, new Rlimit { Type = "RLIMIT_CORE" }] } },
            "config.json: process.rlimits[1].type: duplicate rlimit \"RLIMIT_CORE\"");

    [Test]
    public void RlimitSoftMustNotExceedHard() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Rlimits = [new Rlimit { Type = "RLIMIT_NPROC", Soft = 10, Hard = 5 }] } },
            "config.json: process.rlimits[0].soft: 10 exceeds the hard limit 5");

    [Test]
    public void AllSixteenRlimitsAreKnown()
    {
        var names = new[]
        {
            "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
            "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
        };
        var list = new List<Rlimit>();
        foreach (var n in names)
            list.Add(new Rlimit { Type = n, Soft = 1, Hard = 1 });
        Assert.That(SemanticValidator.Validate(Valid() with { Process = P(Valid()) with { Rlimits = [.. list] } }), Is.Empty);
    }

    [Test]
    public void CapabilityMustBeKnownAndIsNamed() =>
        ExpectOnly(Valid() with { Process = P(Valid()) with { Capabilities = new Capabilities { Ambient = ["CAP_KILL", "CAP_FLY"] } } },
            "config.json: process.capabilities.ambient[1]: unknown capability \"CAP_FLY\"");

    [Test]
    public void CapabilityTableCoversZeroToForty()
    {
        Assert.That(SemanticNames.Capabilities, Has.Count.EqualTo(41));
        Assert.That(SemanticNames.Capabilities[0], Is.EqualTo("CAP_CHOWN"));
        Assert.That(SemanticNames.Capabilities[21], Is.EqualTo("CAP_SYS_ADMIN"));
        Assert.That(SemanticNames.Capabilities[40], Is.EqualTo("CAP_CHECKPOINT_RESTORE"));
    }

    [Test]
    public void DeviceTypeMustBeKnown() =>
        ExpectOnly(Valid() with { Linux = L(Valid()) with { Devices = [new LinuxDevice { Type = "x", Path = "/dev/x", Major = 1, Minor = 1 }] } },
            "config.json: linux.devices[0].type: unknown device type \"x\" (c, b, u or p)");

    [Test]
    public void CharDeviceNeedsNumbers() =>
        ExpectOnly(Valid() with { Linux = L(Valid()) with { Devices = [new LinuxDevice { Type = "b", Path = "/dev/sda" }] } },
            "config.json: linux.devices[0]: type \"b\" needs major and minor numbers");

    [Test]
    public void FifoNeedsNoNumbers() =>
        Assert.That(SemanticValidator.Validate(Valid() with { Linux = L(Valid()) with { Devices = [new LinuxDevice { Type = "p", Path = "/dev/pipe" }] } }), Is.Empty);

    [TestCase("dev/null")]
    [TestCase("/etc/passwd")]
    [TestCase("/dev")]
    [TestCase("/dev/../etc/shadow")]
    public void DevicePathMustBeUnderDev(string path) =>
        ExpectOnly(Valid() with { Linux = L(Valid()) with { Devices = [new LinuxDevice { Type = "c", Path = path, Major = 1, Minor = 3 }] } },
            $"config.json: linux.devices[0].path: must be an absolute path under /dev, got \"{path}\"");

    private static ContainerConfig WithSysctl(string key, params LinuxNamespace[] ns) =>
        Valid() with { Linux = L(Valid()) with { Namespaces = ns, Sysctl = new() { [key] = "1" } } };

    [TestCase("kernel.msgmax")]
    [TestCase("kernel.sem")]
    [TestCase("kernel.shm_rmid_forced")]
    [TestCase("fs.mqueue.queues_max")]
    public void IpcSysctlNeedsIpcNamespace(string key)
    {
        Assert.That(SemanticValidator.Validate(WithSysctl(key, Ns("uts"), Ns("ipc"))), Is.Empty);
        ExpectOnly(WithSysctl(key, Ns("uts")), $"config.json: linux.sysctl[\"{key}\"]: requires an ipc namespace");
    }

    [Test]
    public void NetSysctlNeedsNetworkNamespace()
    {
        Assert.That(SemanticValidator.Validate(WithSysctl("net.core.somaxconn", Ns("uts"), Ns("network"))), Is.Empty);
        ExpectOnly(WithSysctl("net.core.somaxconn", Ns("uts")), "config.json: linux.sysctl[\"net.core.somaxconn\"]: requires a network namespace");
    }

    [Test]
    public void DomainnameSysctlNeedsUtsNamespace()
    {
        Assert.That(SemanticValidator.Validate(WithSysctl("kernel.domainname", Ns("uts"))), Is.Empty);
        ExpectOnly(WithSysctl("kernel.domainname", Ns("ipc")) with { Hostname = null },
            "config.json: linux.sysctl[\"kernel.domainname\"]: requires a uts namespace");
    }

    [Test]
    public void HostnameSysctlIsRefusedInFavourOfTheField() =>
        ExpectOnly(WithSysctl("kernel.hostname", Ns("uts")), "config.json: linux.sysctl[\"kernel.hostname\"]: not allowed, use the hostname field");

    [Test]
    public void GlobalSysctlIsRefused() =>
        ExpectOnly(WithSysctl("vm.swappiness", Usual), "config.json: linux.sysctl[\"vm.swappiness\"]: is not namespaced and cannot be set for a container");

    [Test]
    public void DeviceRuleTypeMustBeAllCharOrBlock() =>
        ExpectOnly(Valid() with { Linux = L(Valid()) with { Resources = new LinuxResources { Devices = [new DeviceCgroup { Type = "a" }, new DeviceCgroup { Type = "p" }] } } },
            "config.json: linux.resources.devices[1].type: unknown type \"p\" (a, c or b)");

    [Test]
    public void DeviceRuleAccessMustBeRwm() =>
        ExpectOnly(Valid() with { Linux = L(Valid()) with { Resources = new LinuxResources { Devices = [new DeviceCgroup { Type = "c", Access = "rwx" }] } } },
            "config.json: linux.resources.devices[0].access: \"rwx\" may only contain r, w and m");

    [Test]
    public void AdditionalGidsAreFine() =>
        Assert.That(SemanticValidator.Validate(Valid() with { Process = P(Valid()) with { User = new User { Uid = 1, Gid = 1, AdditionalGids = [5, 6] } } }), Is.Empty);

    [Test]
    public void ReportsEveryErrorNotJustTheFirst() =>
        Assert.That(SemanticValidator.Validate(Valid() with { OciVersion = "0.1.0", Root = null, Process = P(Valid()) with { Cwd = "" } }), Is.EqualTo(new[]
        {
            "config.json: ociVersion: \"0.1.0\" is not supported (major version must be 1)",
            "config.json: root: required on Linux",
            "config.json: process.cwd: must be an absolute path, got \"\"",
        }));
}
