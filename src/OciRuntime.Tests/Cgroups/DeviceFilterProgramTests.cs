using System.Collections.Generic;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

public class DeviceFilterProgramTests
{
    private static DeviceCgroup Rule(bool allow, string? type = null, long? major = null, long? minor = null, string? access = null) =>
        new() { Allow = allow, Type = type, Major = major, Minor = minor, Access = access };

    private static bool Allowed(IReadOnlyList<DeviceCgroup> rules, char type, uint major, uint minor, string access)
    {
        var program = DeviceFilterProgram.Encode(DeviceFilterProgram.Build(rules));
        Assert.That(BpfInterpreter.Unreachable(program), Is.Empty, "unreachable instructions");
        var t = type == 'b' ? DeviceFilterProgram.DevBlock : DeviceFilterProgram.DevChar;
        var a = 0;
        foreach (var ch in access)
            a |= ch switch { 'm' => DeviceFilterProgram.AccMknod, 'r' => DeviceFilterProgram.AccRead, _ => DeviceFilterProgram.AccWrite };
        var result = BpfInterpreter.Run(program, (uint)(t | a << 16), major, minor);
        Assert.That(result, Is.EqualTo(0UL).Or.EqualTo(1UL));
        return result == 1;
    }

    private static readonly DeviceCgroup[] DenyAllThenDefaults =
        [.. DeviceRulePlanner.Plan(new ContainerConfig { OciVersion = "1.3.0", Linux = new Linux { Resources = new LinuxResources { Devices = [new DeviceCgroup { Allow = false, Access = "rwm" }] } } })];

    [TestCase('c', 1u, 3u, "rw", true)]    // /dev/null
    [TestCase('c', 1u, 3u, "m", true)]
    [TestCase('c', 136u, 7u, "rw", true)]  // any pty
    [TestCase('c', 5u, 2u, "rwm", true)]   // /dev/ptmx
    [TestCase('c', 10u, 237u, "r", false)] // /dev/loop-control
    [TestCase('b', 8u, 0u, "r", false)]    // /dev/sda
    [TestCase('b', 1u, 3u, "r", false)]    // same numbers as /dev/null, other type
    [TestCase('c', 1u, 4u, "w", false)]
    public void DefaultsAfterDenyAll(char type, uint major, uint minor, string access, bool allowed) =>
        Assert.That(Allowed(DenyAllThenDefaults, type, major, minor, access), Is.EqualTo(allowed));

    [Test]
    public void EmptyListDeniesEverything()
    {
        Assert.That(Allowed([], 'c', 1, 3, "r"), Is.False);
        Assert.That(DeviceFilterProgram.Build([]), Has.Count.EqualTo(8));
    }

    [Test]
    public void AllowAllAllowsEverything()
    {
        DeviceCgroup[] rules = [Rule(true, "a")];
        Assert.That(Allowed(rules, 'b', 8, 0, "rwm"), Is.True);
        Assert.That(Allowed(rules, 'c', 4242, 99, "w"), Is.True);
    }

    [Test]
    public void LastMatchingRuleWins()
    {
        DeviceCgroup[] rules = [Rule(false, "a"), Rule(true, "c", 1, 3), Rule(false, "c", 1, 3)];
        Assert.That(Allowed(rules, 'c', 1, 3, "r"), Is.False);
        DeviceCgroup[] reversed = [Rule(false, "a"), Rule(false, "c", 1, 3), Rule(true, "c", 1, 3)];
        Assert.That(Allowed(reversed, 'c', 1, 3, "r"), Is.True);
    }

    [Test]
    public void LaterDenyAllOverridesEarlierAllows()
    {
        DeviceCgroup[] rules = [Rule(true, "c", 1, 3), Rule(false, "a")];
        Assert.That(Allowed(rules, 'c', 1, 3, "r"), Is.False);
    }

    [Test]
    public void AllowNeedsEveryRequestedAccess()
    {
        DeviceCgroup[] rules = [Rule(false, "a"), Rule(true, "c", 1, 3, "r")];
        Assert.That(Allowed(rules, 'c', 1, 3, "r"), Is.True);
        Assert.That(Allowed(rules, 'c', 1, 3, "rw"), Is.False);
        Assert.That(Allowed(rules, 'c', 1, 3, "m"), Is.False);
    }

    [Test]
    public void DenyOfOneAccessRefusesRequestsIncludingIt()
    {
        DeviceCgroup[] rules = [Rule(false, "a"), Rule(true, "c", 5, 1, "rwm"), Rule(false, "c", 5, 1, "w")];
        Assert.That(Allowed(rules, 'c', 5, 1, "r"), Is.True);
        Assert.That(Allowed(rules, 'c', 5, 1, "w"), Is.False);
        Assert.That(Allowed(rules, 'c', 5, 1, "rw"), Is.False);
    }

    [Test]
    public void WildcardsMatchAnyNumber()
    {
        DeviceCgroup[] rules = [Rule(false, "a"), Rule(true, "b", null, 0), Rule(true, "c", 7, -1)];
        Assert.That(Allowed(rules, 'b', 8, 0, "r"), Is.True);
        Assert.That(Allowed(rules, 'b', 8, 1, "r"), Is.False);
        Assert.That(Allowed(rules, 'c', 7, 123456, "rwm"), Is.True);
        Assert.That(Allowed(rules, 'c', 8, 0, "r"), Is.False);
    }

    [Test]
    public void MissingTypeAndAccessMeanAll()
    {
        DeviceCgroup[] rules = [Rule(false, "a"), Rule(true, null, 1, 3, null)];
        Assert.That(Allowed(rules, 'b', 4, 4, "rwm"), Is.True);
    }

    [TestCase("u", null, "config.json: linux.resources.devices[0].type: unknown type \"u\" (a, c or b)")]
    [TestCase("c", "rx", "config.json: linux.resources.devices[0].access: \"rx\" may only contain r, w and m")]
    public void RejectsBadRules(string type, string? access, string message)
    {
        var e = Assert.Throws<RuntimeException>(() => DeviceFilterProgram.Build([Rule(true, type, 1, 1, access)]));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void RulesHiddenByALaterAllRuleAreLeftOut()
    {
        DeviceCgroup[] rules = [Rule(true, "c", 1, 3), Rule(false, "a"), Rule(true, "c", 1, 5)];
        Assert.That(Allowed(rules, 'c', 1, 3, "r"), Is.False);
        Assert.That(Allowed(rules, 'c', 1, 5, "r"), Is.True);
        Assert.That(DeviceFilterProgram.Build(rules).Count, Is.LessThan(DeviceFilterProgram.Build([Rule(true, "c", 1, 3), Rule(true, "c", 1, 5)]).Count));
        Assert.Throws<RuntimeException>(() => DeviceFilterProgram.Build([Rule(true, "x"), Rule(false, "a")]));
    }

    [Test]
    public void EncodesInstructionFields()
    {
        var word = new BpfInstruction(0x61, 2, 1, 8, -1).Encode();
        Assert.That(word, Is.EqualTo(0xffffffff_0008_1261UL));
    }
}
