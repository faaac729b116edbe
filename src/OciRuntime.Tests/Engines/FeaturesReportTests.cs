using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Engines;

public class FeaturesReportTests
{
    private static Features Build() => FeaturesReport.Build("1.3.0", "9.9.9");

    [Test]
    public void ValidAgainstTheFeaturesSchema()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Build(), FeaturesJson.Default.Features);
        Assert.That(SchemaValidator.ValidateFeatures(bytes), Is.Empty);
    }

    [Test]
    public void SchemaCatchesAWrongDocument()
    {
        var bad = Build() with { Linux = Build().Linux! with { Capabilities = ["not-a-cap"] } };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(bad, FeaturesJson.Default.Features);
        Assert.That(SchemaValidator.ValidateFeatures(bytes), Is.Not.Empty);
    }

    [Test]
    public void MountOptionsAreExactlyWhatThePlannerAccepts()
    {
        var options = Build().MountOptions!;
        Assert.That(options, Does.Contain("rro").And.Contain("rbind").And.Contain("nosymfollow").And.Contain("rprivate"));
        Assert.That(options, Is.Ordered.Using((System.Collections.Generic.IComparer<string>)System.StringComparer.Ordinal));
        foreach (var o in options)
            Assert.DoesNotThrow(() => MountOptionTable.Parse([o], "mounts[0].options"), o);
        foreach (var o in MountOptionTable.Unsupported)
            Assert.That(options, Does.Not.Contain(o));
    }

    [Test]
    public void IdmapAndLsmFollowTheUnsupportedTable()
    {
        var linux = Build().Linux!;
        bool idmapRefused = MountOptionTable.Unsupported.Contains("idmap");
        Assert.That(linux.MountExtensions!.Idmap!.Enabled, Is.EqualTo(!idmapRefused));
        bool apparmorRefused = UnsupportedFields.All.Any(f => f.Path == "process.apparmorProfile");
        Assert.That(linux.Apparmor!.Enabled, Is.EqualTo(!apparmorRefused));
    }

    [Test]
    public void NamespacesCapabilitiesAndSeccompComeFromTheTables()
    {
        var f = Build();
        Assert.That(f.OciVersionMax, Is.EqualTo("1.3.0"));
        Assert.That(f.Linux!.Namespaces, Is.EquivalentTo(new[] { "cgroup", "ipc", "mount", "network", "pid", "time", "user", "uts" }));
        Assert.That(f.Linux.Capabilities, Has.Length.EqualTo(CapabilityNames.All.Length).And.Contain("CAP_CHECKPOINT_RESTORE"));
        Assert.That(f.Linux.Seccomp!.Actions, Is.EquivalentTo(SeccompActions.ByName.Keys));
        Assert.That(f.Linux.Seccomp.Archs, Does.Contain("SCMP_ARCH_X86_64"));
        Assert.That(f.Hooks, Has.Length.EqualTo(6));
    }
}
