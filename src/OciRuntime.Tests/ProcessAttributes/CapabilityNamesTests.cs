using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.ProcessAttributes;

public class CapabilityNamesTests
{
    private static string[] Names() => CapabilityNames.All;

    [Test]
    public void TableMatchesTheKernelHeader()
    {
        var header = KernelHeaders.Defines(KernelHeaders.CapabilityHeader, "CAP_");
        if (header is null)
            Assert.Ignore($"{KernelHeaders.CapabilityHeader} not installed");
        var fromHeader = header!.Where(kv => kv.Key != "CAP_LAST_CAP" && kv.Value <= 40)
            .OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        Assert.That(CapabilityNames.All, Is.EqualTo(fromHeader));
    }

    [TestCase("CAP_CHOWN", 0)]
    [TestCase("CAP_KILL", 5)]
    [TestCase("CAP_SETPCAP", 8)]
    [TestCase("CAP_NET_BIND_SERVICE", 10)]
    [TestCase("CAP_NET_RAW", 13)]
    [TestCase("CAP_SYS_ADMIN", 21)]
    [TestCase("CAP_MKNOD", 27)]
    [TestCase("CAP_AUDIT_WRITE", 29)]
    [TestCase("CAP_SETFCAP", 31)]
    [TestCase("CAP_MAC_OVERRIDE", 32)]
    [TestCase("CAP_AUDIT_READ", 37)]
    [TestCase("CAP_PERFMON", 38)]
    [TestCase("CAP_BPF", 39)]
    [TestCase("CAP_CHECKPOINT_RESTORE", 40)]
    public void KnownNumbers(string name, int number)
    {
        Assert.That(CapabilityNames.TryGetNumber(name, out int n), Is.True);
        Assert.That(n, Is.EqualTo(number));
        Assert.That(CapabilityNames.NameOf(number), Is.EqualTo(name));
    }

    [TestCaseSource(nameof(Names))]
    public void EveryNameSetsItsOwnBitInEverySet(string name)
    {
        CapabilityNames.TryGetNumber(name, out int number);
        var plan = ProcessPlanner.Plan(PlannerInput.WithCaps(new OciRuntime.Core.Spec.Capabilities
        {
            Bounding = [name], Effective = [name], Permitted = [name], Inheritable = [name], Ambient = [name],
        }), lastCap: 40);
        ulong bit = 1UL << number;
        var c = plan.Capabilities!;
        Assert.That(new[] { c.Bounding, c.Effective, c.Permitted, c.Inheritable, c.Ambient }, Is.All.EqualTo(bit));
        Assert.That(plan.Warnings, Is.Empty);
    }

    [TestCase("cap_chown")]
    [TestCase("CHOWN")]
    [TestCase("CAP_CHOWN ")]
    [TestCase("")]
    public void LookupIsExact(string name) =>
        Assert.That(CapabilityNames.TryGetNumber(name, out _), Is.False);

    [Test]
    public void NameOfBeyondTheTable() => Assert.That(CapabilityNames.NameOf(41), Is.EqualTo("CAP_41"));
}
