using NUnit.Framework;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Planning;

public class DeviceRulePlannerTests
{
    [Test]
    public void ConfigRulesComeFirstThenDefaultsThenLinuxDevices()
    {
        var config = new ContainerConfig
        {
            Linux = new Linux
            {
                Resources = new LinuxResources { Devices = [new() { Allow = false, Access = "rwm" }] },
                Devices = [new() { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229 }, new() { Type = "p", Path = "/dev/fifo" }],
            },
        };
        var rules = DeviceRulePlanner.Plan(config);
        Assert.That(rules[0].Allow, Is.False);
        Assert.That(rules[1], Is.EqualTo(new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" }));
        Assert.That(rules, Has.Some.Matches<DeviceCgroup>(r => r.Type == "c" && r.Major == 136 && r.Minor == null));
        Assert.That(rules[^1], Is.EqualTo(new DeviceCgroup { Allow = true, Type = "c", Major = 10, Minor = 229, Access = "rwm" }));
        Assert.That(rules, Has.None.Matches<DeviceCgroup>(r => r.Type == "p"), "fifos need no device rule");
    }

    [Test]
    public void WithoutConfigRulesOnlyTheDefaultsRemain() =>
        Assert.That(DeviceRulePlanner.Plan(new ContainerConfig()), Has.All.Matches<DeviceCgroup>(r => r.Allow));
}
