using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups.Systemd;

namespace OciRuntime.Tests.Cgroups.Systemd;

public class SystemdCgroupPathTests
{
    [TestCase("system.slice:ociruntime:c1", "system.slice", "ociruntime-c1.scope", "/system.slice/ociruntime-c1.scope")]
    [TestCase(":ociruntime:c1", "system.slice", "ociruntime-c1.scope", "/system.slice/ociruntime-c1.scope")]
    [TestCase("machine-pod1.slice:libpod:abc", "machine-pod1.slice", "libpod-abc.scope", "/machine.slice/machine-pod1.slice/libpod-abc.scope")]
    [TestCase("a-b-c.slice:p:n", "a-b-c.slice", "p-n.scope", "/a.slice/a-b.slice/a-b-c.slice/p-n.scope")]
    [TestCase("-.slice:p:n", "-.slice", "p-n.scope", "/p-n.scope")]
    [TestCase("system.slice::n", "system.slice", "n.scope", "/system.slice/n.scope")]
    [TestCase("system.slice:ignored:system-box.slice", "system.slice", "system-box.slice", "/system.slice/system-box.slice")]
    public void ExpandsToUnitAndDirectory(string value, string slice, string unit, string dir)
    {
        var path = SystemdCgroupPath.Parse(value);
        Assert.That(path.Slice, Is.EqualTo(slice));
        Assert.That(path.Unit, Is.EqualTo(unit));
        Assert.That(path.CgroupDirectory, Is.EqualTo(dir));
    }

    [Test]
    public void SliceUnitIsRecognised()
    {
        Assert.That(SystemdCgroupPath.Parse("system.slice:p:x.slice").IsSlice, Is.True);
        Assert.That(SystemdCgroupPath.Parse("system.slice:p:x").IsSlice, Is.False);
    }

    [Test]
    public void DefaultIsTheSystemSliceWithTheRuntimePrefix()
    {
        Assert.That(SystemdCgroupPath.DefaultPath("c1"), Is.EqualTo("system.slice:ociruntime:c1"));
        Assert.That(SystemdCgroupPath.Parse(SystemdCgroupPath.DefaultPath("c1")).Unit, Is.EqualTo("ociruntime-c1.scope"));
    }

    [TestCase("/sys/fs/cgroup/x", "expected the systemd form \"slice:prefix:name\"")]
    [TestCase("a:b", "expected the systemd form \"slice:prefix:name\"")]
    [TestCase("a:b:c:d", "expected the systemd form \"slice:prefix:name\"")]
    [TestCase("system.slice:p:", "the name part is empty")]
    [TestCase("system:p:n", "\"system\" is not a slice unit name (it must end in \".slice\")")]
    [TestCase(".slice:p:n", "\".slice\" is not a slice unit name (it must end in \".slice\")")]
    [TestCase("a--b.slice:p:n", "\"a--b.slice\" has an empty '-' separated component")]
    [TestCase("-a.slice:p:n", "\"-a.slice\" has an empty '-' separated component")]
    [TestCase("a-.slice:p:n", "\"a-.slice\" has an empty '-' separated component")]
    [TestCase("a/b.slice:p:n", "a part contains '/' or is \".\" or \"..\"")]
    [TestCase("system.slice:p:..", "a part contains '/' or is \".\" or \"..\"")]
    public void RefusesBadSyntaxNamingTheField(string value, string why) =>
        Assert.That(() => SystemdCgroupPath.Parse(value), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            $"config.json: linux.cgroupsPath: \"{value}\": {why}"));
}
