using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;

namespace OciRuntime.Tests.Cgroups;

public class CgroupPathTests
{
    [TestCase("/default/c1", "/default/c1")]
    [TestCase("c1", "c1")]
    [TestCase("//a/./b/", "/a/b")]
    [TestCase("/a/../b", "/b")]
    [TestCase("a/b/../c", "a/c")]
    [TestCase("/machine.slice/libpod-x:y", "/machine.slice/libpod-x:y")]
    public void CleansPaths(string value, string cleaned) =>
        Assert.That(CgroupPath.Parse(value).ToString(), Is.EqualTo(cleaned));

    [TestCase("/../etc")]
    [TestCase("/a/../../b")]
    [TestCase("../sibling")]
    [TestCase("a/../../x")]
    public void RejectsEscapingPaths(string value) =>
        Assert.That(() => CgroupPath.Parse(value), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            $"config.json: linux.cgroupsPath: \"{value}\" escapes its cgroup hierarchy with \"..\""));

    [TestCase("/")]
    [TestCase("/a/..")]
    [TestCase("")]
    public void RejectsTheRoot(string value) =>
        Assert.That(() => CgroupPath.Parse(value), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            $"config.json: linux.cgroupsPath: \"{value}\" names no cgroup below the root"));

    [Test]
    public void RejectsSystemdStyleWithAClearMessage() =>
        Assert.That(() => CgroupPath.Parse("system.slice:docker:abc"), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(
            "config.json: linux.cgroupsPath: \"system.slice:docker:abc\" is a systemd slice:prefix:name path, which needs --systemd-cgroup"));

    [Test]
    public void DefaultPathIsTheIdRelativeToTheRuntimesCgroup() =>
        Assert.That(CgroupManager.DefaultPath("abc"), Is.EqualTo("abc"));
}
