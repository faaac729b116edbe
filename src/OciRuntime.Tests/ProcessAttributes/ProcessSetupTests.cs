using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.ProcessAttributes;

public class ProcessSetupTests
{
    private const int EPERM = 1, EACCES = 13, EINVAL = 22, ENOENT = 2;

    private static ProcessPlan Plan(int lastCap = 40) => ProcessPlanner.Plan(PlannerInput.Minimal() with
    {
        Cwd = "/work",
        User = new User { Uid = 1000, Gid = 1001, AdditionalGids = [5, 6] },
        NoNewPrivileges = true,
        Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Soft = 1024, Hard = 2048 }, new Rlimit { Type = "RLIMIT_CORE", Soft = 0, Hard = 0 }],
        Capabilities = new Capabilities
        {
            Bounding = ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
            Effective = ["CAP_KILL"],
            Permitted = ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
            Inheritable = ["CAP_NET_BIND_SERVICE"],
            Ambient = ["CAP_NET_BIND_SERVICE"],
        },
    }, lastCap);

    [Test]
    public void FullSequenceOrder()
    {
        var sys = new FakeProcessSyscalls();
        var setup = new ProcessSetup(sys);
        var plan = Plan();

        setup.ApplyRlimits(plan);
        var warnings = setup.ApplyCredentials(plan);
        setup.SetNoNewPrivileges(plan.NoNewPrivileges);

        var expected = new List<string> { "setrlimit 7 1024 2048", "setrlimit 4 0 0", "chdir /work", "capget" };
        expected.AddRange(Enumerable.Range(0, 41).Where(c => c is not (0 or 5 or 10)).Select(c => $"bset-drop {c}"));
        expected.AddRange(new[]
        {
            "keepcaps 1",
            "read /proc/self/setgroups",
            "setgroups [5,6]",
            "setresgid 1001",
            "setresuid 1000",
            "keepcaps 0",
            "capset e=20 p=420 i=400",
            "ambient-clear",
            "ambient-raise 10",
            "nnp",
        });
        Assert.That(sys.Calls, Is.EqualTo(expected));
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void BoundingDropStopsAtTheKernelsLastCap()
    {
        var sys = new FakeProcessSyscalls();
        new ProcessSetup(sys).DropBoundingSet(Plan(lastCap: 37));
        var dropped = sys.Calls.Where(c => c.StartsWith("bset-drop")).Select(c => int.Parse(c.Split(' ')[1])).ToList();
        Assert.That(dropped, Is.EqualTo(Enumerable.Range(0, 38).Where(c => c is not (0 or 5 or 10))));
    }

    [Test]
    public void BoundingDropToleratesEinval()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["bset-drop 40"] = EINVAL;
        Assert.DoesNotThrow(() => new ProcessSetup(sys).DropBoundingSet(Plan()));
        Assert.That(sys.Calls, Does.Contain("bset-drop 39"));
    }

    [Test]
    public void BoundingDropFailureOtherThanEinvalIsAnError()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["bset-drop 21"] = EPERM;
        var e = Assert.Throws<SyscallException>(() => new ProcessSetup(sys).DropBoundingSet(Plan()));
        Assert.That(e!.Errno, Is.EqualTo(EPERM));
    }

    [Test]
    public void BoundingLeftAloneWithoutSetpcap()
    {
        var sys = new FakeProcessSyscalls { Effective = 0x20 };
        new ProcessSetup(sys).DropBoundingSet(Plan());
        Assert.That(sys.Calls, Is.EqualTo(new[] { "capget" }));
    }

    [Test]
    public void NoCapabilitiesInConfigTouchesNoCapabilitySet()
    {
        var sys = new FakeProcessSyscalls();
        var plan = ProcessPlanner.Plan(PlannerInput.Minimal(), 40);
        var setup = new ProcessSetup(sys);
        setup.ApplyCredentials(plan);
        Assert.That(sys.Verbs(), Is.EqualTo(new[]
        {
            "chdir", "keepcaps", "read", "setgroups", "setresgid", "setresuid", "keepcaps",
        }));
    }

    [Test]
    public void SetgroupsRunsWithNoAdditionalGids()
    {
        var sys = new FakeProcessSyscalls();
        new ProcessSetup(sys).SetIdentity(ProcessPlanner.Plan(PlannerInput.Minimal(), 40));
        Assert.That(sys.Calls, Does.Contain("setgroups []"));
    }

    [Test]
    public void SetgroupsSkippedWhenDenied()
    {
        var sys = new FakeProcessSyscalls();
        sys.Files["/proc/self/setgroups"] = "deny\n";
        new ProcessSetup(sys).SetIdentity(ProcessPlanner.Plan(PlannerInput.Minimal(), 40));
        Assert.That(sys.Verbs(), Is.EqualTo(new[] { "keepcaps", "read", "setresgid", "setresuid", "keepcaps" }));
    }

    [Test]
    public void AdditionalGidsWhenSetgroupsDenied()
    {
        var sys = new FakeProcessSyscalls();
        sys.Files["/proc/self/setgroups"] = "deny\n";
        var e = Assert.Throws<RuntimeException>(() => new ProcessSetup(sys).SetIdentity(Plan()));
        Assert.That(e!.Message, Is.EqualTo("cannot set any additional groups in a rootless container"));
        Assert.That(sys.Verbs(), Does.Not.Contain("setresuid"));
    }

    [Test]
    public void SetgroupsAllowedIsNotDeny()
    {
        var sys = new FakeProcessSyscalls();
        sys.Files["/proc/self/setgroups"] = "allow\n";
        new ProcessSetup(sys).SetIdentity(Plan());
        Assert.That(sys.Calls, Does.Contain("setgroups [5,6]"));
    }

    [TestCase("setresgid", "cannot setgid to unmapped gid 1001 in user namespace")]
    [TestCase("setresuid", "cannot setuid to unmapped uid 1000 in user namespace")]
    public void UnmappedIds(string call, string message)
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures[call] = EINVAL;
        var e = Assert.Throws<RuntimeException>(() => new ProcessSetup(sys).SetIdentity(Plan()));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void ChdirPermissionDeniedIsRetriedAsTheUser()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["chdir"] = EACCES;
        var setup = new ProcessSetup(sys);
        var plan = Plan();
        // The fake fails every chdir: the retry after setresuid must report it in runc's words.
        var e = Assert.Throws<RuntimeException>(() => setup.ApplyCredentials(plan));
        Assert.That(e!.Message, Is.EqualTo("chdir to cwd (\"/work\") set in config.json failed: permission denied"));
        var verbs = sys.Verbs();
        Assert.That(verbs.IndexOf("chdir"), Is.EqualTo(0));
        Assert.That(verbs.LastIndexOf("chdir"), Is.GreaterThan(verbs.IndexOf("setresuid")));
        Assert.That(verbs.LastIndexOf("chdir"), Is.LessThan(verbs.IndexOf("capset") < 0 ? int.MaxValue : verbs.IndexOf("capset")));
    }

    [Test]
    public void ChdirMissingFailsAtOnce()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["chdir"] = ENOENT;
        var e = Assert.Throws<RuntimeException>(() => new ProcessSetup(sys).ApplyCredentials(Plan()));
        Assert.That(e!.Message, Is.EqualTo("chdir to cwd (\"/work\") set in config.json failed: no such file or directory"));
        Assert.That(sys.Calls, Is.EqualTo(new[] { "chdir /work" }));
    }

    [Test]
    public void AmbientRaiseFailureIsAWarning()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["ambient-raise 10"] = EPERM;
        var plan = Plan() with { Capabilities = Plan().Capabilities! with { Ambient = (1UL << 10) | (1UL << 5) } };
        var warnings = new ProcessSetup(sys).ApplyCapabilities(plan);
        Assert.That(warnings, Is.EqualTo(new[] { "can't raise ambient capability CAP_NET_BIND_SERVICE: operation not permitted" }));
        Assert.That(sys.Calls, Does.Contain("ambient-raise 5"));
    }

    [Test]
    public void CapsetFailureIsAnError()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["capset"] = EPERM;
        Assert.Throws<SyscallException>(() => new ProcessSetup(sys).ApplyCapabilities(Plan()));
        Assert.That(sys.Verbs(), Does.Not.Contain("ambient-clear"));
    }

    [Test]
    public void RlimitErrorNamesTheLimit()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["setrlimit 4"] = EPERM;
        var e = Assert.Throws<SyscallException>(() => new ProcessSetup(sys).ApplyRlimits(Plan()));
        Assert.That(e!.Message, Is.EqualTo("setrlimit `RLIMIT_CORE` (soft 0, hard 0): Operation not permitted"));
        Assert.That(e.Errno, Is.EqualTo(EPERM));
    }

    [Test]
    public void NoNewPrivilegesOnlyWhenAsked()
    {
        var sys = new FakeProcessSyscalls();
        var setup = new ProcessSetup(sys);
        setup.SetNoNewPrivileges(false);
        Assert.That(sys.Calls, Is.Empty);
        setup.SetNoNewPrivileges(true);
        Assert.That(sys.Calls, Is.EqualTo(new[] { "nnp" }));
    }

    [Test]
    public void OomScoreAdj()
    {
        var sys = new FakeProcessSyscalls();
        var setup = new ProcessSetup(sys);
        setup.SetOomScoreAdj(null);
        Assert.That(sys.Calls, Is.Empty, "spec: unset MUST NOT change oom_score_adj");
        setup.SetOomScoreAdj(-999);
        Assert.That(sys.Calls, Is.EqualTo(new[] { "write /proc/self/oom_score_adj -999" }));
    }

    [Test]
    public void HostnameAndDomainname()
    {
        var sys = new FakeProcessSyscalls();
        var setup = new ProcessSetup(sys);
        setup.SetHostname(null);
        setup.SetHostname("");
        setup.SetDomainname(null);
        setup.SetHostname("box");
        setup.SetDomainname("example.org");
        Assert.That(sys.Calls, Is.EqualTo(new[] { "sethostname box", "setdomainname example.org" }));
    }

    [Test]
    public void UmaskIsPassedThrough()
    {
        var sys = new FakeProcessSyscalls();
        new ProcessSetup(sys).SetUmask(Plan().Umask);
        Assert.That(sys.Calls, Is.EqualTo(new[] { "umask 22" }));
    }

    [Test]
    public void SysctlsWriteProcSysInOrder()
    {
        var sys = new FakeProcessSyscalls();
        new ProcessSetup(sys).ApplySysctls(new Dictionary<string, string>
        {
            ["net.ipv4.ip_forward"] = "1",
            ["kernel.msgmax"] = "8192",
        });
        Assert.That(sys.Calls, Is.EqualTo(new[]
        {
            "write /proc/sys/net/ipv4/ip_forward 1",
            "write /proc/sys/kernel/msgmax 8192",
        }));
    }

    [Test]
    public void SysctlEscapeIsRefusedBeforeAnyWrite()
    {
        var sys = new FakeProcessSyscalls();
        Assert.Throws<RuntimeException>(() => new ProcessSetup(sys).ApplySysctls(new Dictionary<string, string>
        {
            ["kernel/../../../etc/x"] = "1",
        }));
        Assert.That(sys.Calls, Is.Empty);
    }

    [Test]
    public void SysctlWriteErrorNamesTheKey()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["write /proc/sys/net"] = ENOENT;
        var e = Assert.Throws<SyscallException>(() => new ProcessSetup(sys).ApplySysctls(new Dictionary<string, string> { ["net.foo"] = "1" }));
        Assert.That(e!.Message, Is.EqualTo("sysctl `net.foo=1` (/proc/sys/net/foo): No such file or directory"));
    }

    [Test]
    public void EnvironmentGetsHomeFromContainerPasswd()
    {
        var sys = new FakeProcessSyscalls();
        sys.Files["/etc/passwd"] = "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n";
        var env = new ProcessSetup(sys).BuildEnvironment(Plan());
        Assert.That(env, Is.EqualTo(new[] { "PATH=/usr/bin:/bin", "TERM=xterm", "HOME=/home/app" }));
    }

    [Test]
    public void EnvironmentHomeDefaultsToRootDirectory()
    {
        var sys = new FakeProcessSyscalls();
        sys.Failures["read /etc/passwd"] = EACCES;
        Assert.That(new ProcessSetup(sys).BuildEnvironment(Plan()), Does.Contain("HOME=/"));
    }
}
