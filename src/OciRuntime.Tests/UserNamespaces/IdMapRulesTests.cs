using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.UserNamespaces;

public class IdMapRulesTests
{
    static IdMapping M(uint c, uint h, uint s) => new() { ContainerId = c, HostId = h, Size = s };

    static string[] Errors(params IdMapping[] maps) =>
        IdMapRules.Check(maps, "linux.uidMappings").Select(e => $"{e.Path}: {e.Rule}").ToArray();

    [Test]
    public void DisjointRangesPass() =>
        Assert.That(Errors(M(0, 1000, 1), M(1, 100000, 65535), M(70000, 200000, 10)), Is.Empty);

    [Test]
    public void OverlappingContainerRangesAreRefused() =>
        Assert.That(Errors(M(0, 100000, 10), M(5, 200000, 10)),
            Is.EqualTo(new[] { "linux.uidMappings[1]: container ids 5-14 overlap linux.uidMappings[0] (0-9)" }));

    [Test]
    public void OverlappingHostRangesAreRefused() =>
        Assert.That(Errors(M(0, 100000, 10), M(100, 100009, 1)),
            Is.EqualTo(new[] { "linux.uidMappings[1]: host ids 100009 overlap linux.uidMappings[0] (100000-100009)" }));

    [Test]
    public void AdjacentRangesDoNotOverlap() =>
        Assert.That(Errors(M(0, 100000, 10), M(10, 100010, 10)), Is.Empty);

    [Test]
    public void MoreThan340LinesAreRefused()
    {
        var ok = Enumerable.Range(0, 340).Select(i => M((uint)i, (uint)(1000 + i), 1)).ToArray();
        Assert.That(Errors(ok), Is.Empty);
        var tooMany = Enumerable.Range(0, 341).Select(i => M((uint)i, (uint)(1000 + i), 1)).ToArray();
        Assert.That(Errors(tooMany), Is.EqualTo(new[] { "linux.uidMappings: 341 mappings, the kernel accepts at most 340" }));
    }

    [Test]
    public void RangesPastTheIdSpaceAreRefused() =>
        Assert.That(Errors(M(uint.MaxValue, 0, 2)), Is.EqualTo(new[] { $"linux.uidMappings[0]: containerID {uint.MaxValue} + size 2 exceeds the 32-bit id space" }));

    static ContainerConfig WithMounts(bool userns, params Mount[] mounts) => new()
    {
        Mounts = mounts,
        Linux = new Linux
        {
            Namespaces = userns ? [new LinuxNamespace { Type = "user" }, new LinuxNamespace { Type = "mount" }] : [new LinuxNamespace { Type = "mount" }],
            UidMappings = userns ? [M(0, 100000, 65536)] : null,
            GidMappings = userns ? [M(0, 100000, 65536)] : null,
        },
    };

    static string[] ConfigErrors(ContainerConfig c) => IdMapRules.CheckConfig(c).Select(e => $"{e.Path}: {e.Rule}").ToArray();

    [Test]
    public void MountMappingsComeInPairs() =>
        Assert.That(ConfigErrors(WithMounts(true, new Mount { Destination = "/d", Source = "/s", Type = "bind", Options = ["idmap"], UidMappings = [M(0, 1000, 1)] })),
            Is.EqualTo(new[] { "mounts[0].gidMappings: required with uidMappings (config.md)" }));

    [Test]
    public void IdmapNeedsABindMount() =>
        Assert.That(ConfigErrors(WithMounts(true, new Mount { Destination = "/d", Source = "tmpfs", Type = "tmpfs", Options = ["idmap"] })),
            Is.EqualTo(new[] { "mounts[0].options: id-mapped mounts are supported for bind mounts only" }));

    [Test]
    public void IdmapWithoutMappingsNeedsAUserNamespace()
    {
        var mount = new Mount { Destination = "/d", Source = "/s", Type = "bind", Options = ["rbind", "ridmap"] };
        Assert.That(ConfigErrors(WithMounts(true, mount)), Is.Empty);
        Assert.That(ConfigErrors(WithMounts(false, mount)),
            Is.EqualTo(new[] { "mounts[0].options: \"idmap\" without uidMappings/gidMappings needs a user namespace to take the mapping from" }));
    }

    [Test]
    public void OverlappingMountMappingsAreRefused() =>
        Assert.That(ConfigErrors(WithMounts(false, new Mount
        {
            Destination = "/d", Source = "/s", Type = "bind", Options = ["idmap"],
            UidMappings = [M(0, 1000, 5), M(2, 2000, 1)], GidMappings = [M(0, 1000, 1)],
        })), Is.EqualTo(new[] { "mounts[0].uidMappings[1]: container ids 2 overlap mounts[0].uidMappings[0] (0-4)" }));

    [Test]
    public void SemanticValidatorReportsThemWithThePrefix()
    {
        var c = WithMounts(true) with
        {
            Linux = WithMounts(true).Linux! with { UidMappings = [M(0, 100000, 10), M(0, 200000, 10)] },
        };
        Assert.That(SemanticValidator.Validate(c), Does.Contain("config.json: linux.uidMappings[1]: container ids 0-9 overlap linux.uidMappings[0] (0-9)"));
    }
}
