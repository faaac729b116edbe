using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Cgroups;

/// <summary>
/// The v2 device filter on a real cgroup v2 hierarchy (pure v2, or the
/// hybrid host's /sys/fs/cgroup/unified), in a cgroup of the test's own:
/// applying a filter again replaces the earlier program instead of stacking.
/// </summary>
[NonParallelizable]
public class DeviceFilterReplaceTests
{
    private string? _dir;

    private static string? V2Root()
    {
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal))
            return null;
        foreach (var candidate in new[] { "/sys/fs/cgroup/unified", "/sys/fs/cgroup" })
        {
            if (File.Exists(Path.Combine(candidate, "cgroup.subtree_control")))
                return candidate;
        }
        return null;
    }

    [SetUp]
    public void CreateOwnCgroup()
    {
        var root = V2Root();
        if (root is null)
            Assert.Ignore("needs root and a cgroup v2 hierarchy");
        _dir = Path.Combine(root, $"ocirt-devtest-{Environment.ProcessId}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveOwnCgroup()
    {
        // Programs attached to a removed cgroup are released with it.
        if (_dir is not null && Directory.Exists(_dir))
            Directory.Delete(_dir);
    }

    private static ulong[] Program(params DeviceCgroup[] rules) =>
        DeviceFilterProgram.Encode(DeviceFilterProgram.Build(rules));

    [Test]
    public void ApplyingAgainReplacesTheEarlierProgram()
    {
        Assert.That(DeviceFilterLoader.Attached(_dir!), Is.Empty);
        DeviceFilterLoader.Replace(_dir!, Program(new DeviceCgroup { Allow = false, Access = "rwm" }));
        var first = DeviceFilterLoader.Attached(_dir!);
        Assert.That(first, Has.Count.EqualTo(1));

        DeviceFilterLoader.Replace(_dir!, Program(
            new DeviceCgroup { Allow = false, Access = "rwm" },
            new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" }));
        var second = DeviceFilterLoader.Attached(_dir!);
        Assert.That(second, Has.Count.EqualTo(1), "one program after the second apply");
        Assert.That(second.Single(), Is.Not.EqualTo(first.Single()), "the new program took the old one's place");

        DeviceFilterLoader.Replace(_dir!, Program(new DeviceCgroup { Allow = true, Access = "rwm" }));
        Assert.That(DeviceFilterLoader.Attached(_dir!), Has.Count.EqualTo(1));
    }
}
