using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;
using OciRuntime.Tests.Validation;

namespace OciRuntime.Tests.Spec;

/// <summary>SpecWriter writes the bytes the source-generated serializer writes, for any record the model can hold.</summary>
public class SpecWriterTests
{
    private static void AssertSameAsSerializer(ContainerConfig config) =>
        Assert.That(Encoding.UTF8.GetString(SpecWriter.Write(config)), Is.EqualTo(JsonSerializer.Serialize(config, SpecJson.Default.ContainerConfig)));

    [Test]
    public void MaximalConfig() => AssertSameAsSerializer(Spec.MaximalConfig.Create());

    [Test]
    public void EmptyAndDefaultConfigs()
    {
        AssertSameAsSerializer(new ContainerConfig());
        AssertSameAsSerializer(new ContainerConfig { OciVersion = null!, Process = new Process { User = null!, Cwd = null! } });
        AssertSameAsSerializer(DefaultSpec.Create(false, 0, 0));
        AssertSameAsSerializer(DefaultSpec.Create(true, 1000, 1000));
    }

    [Test]
    public void IndentedAsTheSpecCommandWritesIt()
    {
        foreach (var rootless in new[] { false, true })
        {
            var config = DefaultSpec.Create(rootless, 1000, 1000);
            var options = new JsonWriterOptions { Indented = true };
            using var ours = new MemoryStream();
            using (var w = new Utf8JsonWriter(ours, options))
                SpecWriter.Write(w, config);
            using var theirs = new MemoryStream();
            using (var w = new Utf8JsonWriter(theirs, options))
                JsonSerializer.Serialize(w, config, SpecJson.Default.ContainerConfig);
            Assert.That(Encoding.UTF8.GetString(ours.ToArray()), Is.EqualTo(Encoding.UTF8.GetString(theirs.ToArray())));
        }
    }

    [Test]
    public void NullsInsideCollections() =>
        AssertSameAsSerializer(SpecReader.ReadConfig("""
            {"mounts":[null,{"destination":null,"options":[null,"a"]}],"annotations":{"a":null},
             "linux":{"netDevices":{"x":null},"timeOffsets":{"y":null},"resources":{"rdma":{"z":null},"devices":[null]}},
             "process":{"user":{"additionalGids":[]},"rlimits":[null]}}
            """u8));

    [Test]
    public void EveryFixtureTheReaderAccepts()
    {
        int written = 0;
        foreach (var file in Directory.GetFiles(SchemaTestFiles.ProjectFixtureDir, "*.json", SearchOption.AllDirectories))
        {
            ContainerConfig config;
            try
            {
                config = SpecReader.ReadConfig(File.ReadAllBytes(file));
            }
            catch (RuntimeException)
            {
                continue;
            }
            AssertSameAsSerializer(config);
            written++;
        }
        Assert.That(written, Is.GreaterThan(80));
    }

    [Test]
    public void ReaderReadsBackWhatTheWriterWrites()
    {
        var config = Spec.MaximalConfig.Create();
        Assert.That(SpecWriter.Write(SpecReader.ReadConfig(SpecWriter.Write(config))), Is.EqualTo(SpecWriter.Write(config)));
    }
}
