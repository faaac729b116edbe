using NUnit.Framework;
using OciRuntime.Core.Spec;
using System.Text.Json;

namespace OciRuntime.Tests;

public class SpecJsonTests
{
    [Test]
    public void DecodesMinimalConfig()
    {
        var cfg = JsonSerializer.Deserialize("{\"ociVersion\":\"1.3.0\",\"root\":{\"path\":\"rootfs\"}}", SpecJson.Default.ContainerConfig);
        Assert.That(cfg!.Root!.Path, Is.EqualTo("rootfs"));
    }
}
