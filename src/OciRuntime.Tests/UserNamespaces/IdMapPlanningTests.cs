using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.UserNamespaces;

public class IdMapPlanningTests
{
    static IdMapping M(uint c, uint h, uint s) => new() { ContainerId = c, HostId = h, Size = s };

    static readonly IdMapping[] ContainerUids = [M(0, 100000, 65536)];
    static readonly IdMapping[] ContainerGids = [M(0, 200000, 65536)];

    static MountStep Plan(Mount mount, bool userns = true)
    {
        var config = new ContainerConfig
        {
            Root = new Root { Path = "rootfs" },
            Mounts = [mount],
            Linux = new Linux
            {
                Namespaces = (userns ? new[] { "user", "mount" } : new[] { "mount" }).Select(t => new LinuxNamespace { Type = t }).ToArray(),
                UidMappings = userns ? ContainerUids : null,
                GidMappings = userns ? ContainerGids : null,
            },
        };
        return MountPlanner.Plan(config, "/b/rootfs", new RootfsOptions { BundlePath = "/b" }).Mounts.Single();
    }

    [Test]
    public void OptionsAreSplitOff()
    {
        var (rest, idmap, recursive) = IdMapOptions.Extract(["rbind", "idmap", "ro"]);
        Assert.That(rest, Is.EqualTo(new[] { "rbind", "ro" }));
        Assert.That((idmap, recursive), Is.EqualTo((true, false)));
        Assert.That(IdMapOptions.Extract(["ridmap"]).Recursive, Is.True);
        Assert.That(IdMapOptions.Extract(["bind"]).IdMap, Is.False);
    }

    [Test]
    public void IdmapWithoutMappingsTakesTheContainers()
    {
        var step = Plan(new Mount { Destination = "/data", Source = "/srv", Type = "bind", Options = ["rbind", "idmap", "ro"] });
        Assert.That(step.Kind, Is.EqualTo(MountStepKind.Bind));
        Assert.That(step.IdMap, Is.Not.Null);
        Assert.That(step.IdMap!.UsesContainerMappings, Is.True);
        Assert.That(step.IdMap.UidMappings, Is.EqualTo(ContainerUids));
        Assert.That(step.IdMap.GidMappings, Is.EqualTo(ContainerGids));
        Assert.That(step.IdMap.Recursive, Is.False);
        // The option never reaches mount(2) data; ro still becomes the remount.
        Assert.That(step.Data, Is.Empty);
        Assert.That(step.RemountFlags!.Value & MountFlags.ReadOnly, Is.EqualTo(MountFlags.ReadOnly));
    }

    [Test]
    public void MountMappingsWinAndRidmapIsRecursive()
    {
        var step = Plan(new Mount
        {
            Destination = "/data", Source = "/srv", Type = "bind", Options = ["rbind", "ridmap"],
            UidMappings = [M(1000, 100000, 1)], GidMappings = [M(1000, 200000, 1)],
        });
        Assert.That(step.IdMap!.UsesContainerMappings, Is.False);
        Assert.That(step.IdMap.UidMappings.Single().ContainerId, Is.EqualTo(1000u));
        Assert.That(step.IdMap.Recursive, Is.True);
    }

    [Test]
    public void MappingsWithoutTheOptionStillMap() =>
        Assert.That(Plan(new Mount { Destination = "/d", Source = "/s", Options = ["bind"], UidMappings = [M(0, 1, 1)], GidMappings = [M(0, 1, 1)] }, userns: false).IdMap,
            Is.Not.Null);

    [Test]
    public void PlainBindHasNoIdMap() =>
        Assert.That(Plan(new Mount { Destination = "/d", Source = "/s", Options = ["bind"] }).IdMap, Is.Null);

    [Test]
    public void IdmapWithoutAnyMappingIsAnError() =>
        Assert.That(Assert.Throws<OciRuntime.Core.Linux.RuntimeException>(() => Plan(new Mount { Destination = "/d", Source = "/s", Options = ["bind", "idmap"] }, userns: false))!.Message,
            Is.EqualTo("config.json: mounts[0].options: \"idmap\" without uidMappings/gidMappings needs a user namespace to take the mapping from"));
}
