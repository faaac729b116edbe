using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;
using LinuxSection = OciRuntime.Core.Spec.Linux;

namespace OciRuntime.Tests.Validation;

public class SemanticUnsupportedTests
{
    private static ContainerConfig Valid() => new()
    {
        OciVersion = "1.3.0",
        Root = new Root { Path = "rootfs" },
        Process = new Process { Args = ["sh"], Cwd = "/" },
        Mounts = [new Mount { Destination = "/proc" }, new Mount { Destination = "/data" }],
        Linux = new LinuxSection { Namespaces = [new() { Type = "mount" }] },
    };

    private static LinuxSection L(ContainerConfig c) => c.Linux!;
    private static Process P(ContainerConfig c) => c.Process!;
    private static LinuxResources R(params Func<LinuxResources, LinuxResources>[] f) => f.Aggregate(new LinuxResources(), (r, g) => g(r));

    private static IEnumerable<TestCaseData> Cases()
    {
        var c = Valid();
        TestCaseData Case(string path, ContainerConfig config) => new TestCaseData(config, path).SetName("Unsupported " + path);
        yield return Case("linux.memoryPolicy", c with { Linux = L(c) with { MemoryPolicy = new MemoryPolicy { Mode = "MPOL_BIND" } } });
        yield return Case("linux.intelRdt", c with { Linux = L(c) with { IntelRdt = new IntelRdt { ClosId = "x" } } });
        yield return Case("linux.netDevices", c with { Linux = L(c) with { NetDevices = new() { ["eth1"] = new NetDevice() } } });
    }

    [TestCaseSource(nameof(Cases))]
    public void FieldIsReportedAsUnsupported(ContainerConfig config, string path) =>
        Assert.That(SemanticValidator.Validate(config), Is.EqualTo(new[] { $"config.json: {path}: not supported by ociruntime yet" }));

    [Test]
    public void EveryTableEntryHasATestCase()
    {
        var tested = Cases().Select(c => (string)c.Arguments[1]!)
            .Select(p => p.StartsWith("mounts[", StringComparison.Ordinal) ? "mounts[]" + p[p.IndexOf(']')..][1..] : p)
            .ToHashSet();
        Assert.That(UnsupportedFields.All.Select(f => f.Path), Is.EquivalentTo(tested));
    }

    [Test]
    public void EmptyValuesAreNotReported()
    {
        var c = Valid();
        c = c with
        {
            Process = P(c) with { ApparmorProfile = "", Scheduler = null },
            Linux = L(c) with
            {
                Resources = new LinuxResources
                {
                    Devices = [new DeviceCgroup { Allow = false, Access = "rwm" }],
                    Memory = new MemoryResources(),
                    HugepageLimits = [],
                    Unified = new(),
                },
                NetDevices = new(),
                MountLabel = "",
            },
        };
        Assert.That(SemanticValidator.Validate(c), Is.Empty);
    }
}
