using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Spec;

public class DefaultSpecTests
{
    private static string Expected(string name, [CallerFilePath] string here = "") =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, name)))!.ToJsonString();

    private static string Serialize(ContainerConfig config) => JsonSerializer.Serialize(config, SpecJson.Default.ContainerConfig);

    [Test]
    public void MatchesCheckedInConfig() =>
        Assert.That(Serialize(DefaultSpec.Create(rootless: false)), Is.EqualTo(Expected("DefaultSpec.expected.json")));

    [Test]
    public void RootlessMatchesCheckedInConfig() =>
        Assert.That(Serialize(DefaultSpec.Create(rootless: true, hostUid: 1000, hostGid: 1001)), Is.EqualTo(Expected("DefaultSpec.rootless.expected.json")));

    [Test]
    public void RootlessMapsTheCallersEffectiveIds()
    {
        var status = Path.GetTempFileName();
        try
        {
            File.WriteAllText(status, "Name:\tx\nUid:\t1000\t1234\t1000\t1234\nGid:\t100\t4321\t100\t4321\nGroups:\t\n");
            Assert.That(DefaultSpec.ReadEffectiveIds(status), Is.EqualTo((1234u, 4321u)));
        }
        finally
        {
            File.Delete(status);
        }
    }

    [Test]
    public void RoundTripsThroughJson()
    {
        var json = Serialize(DefaultSpec.Create(rootless: false));
        Assert.That(Serialize(JsonSerializer.Deserialize(json, SpecJson.Default.ContainerConfig)!), Is.EqualTo(json));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void PassesSemanticValidation(bool rootless) =>
        Assert.That(SemanticValidator.Validate(DefaultSpec.Create(rootless, 1000, 1000)), Is.Empty);

    [Test]
    public void TerminalOffPassesSemanticValidation()
    {
        var config = DefaultSpec.Create(rootless: false);
        Assert.That(SemanticValidator.Validate(config with { Process = config.Process! with { Terminal = false } }), Is.Empty);
    }

    [Test]
    public void EachCallReturnsIndependentArrays()
    {
        var a = DefaultSpec.Create(rootless: false);
        a.Process!.Capabilities!.Bounding![0] = "CAP_SYS_ADMIN";
        Assert.That(DefaultSpec.Create(rootless: false).Process!.Capabilities!.Bounding![0], Is.EqualTo("CAP_AUDIT_WRITE"));
    }
}
