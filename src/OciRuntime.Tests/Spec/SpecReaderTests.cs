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

/// <summary>
/// SpecReader must give exactly what the source-generated serializer gives
/// (compared as the serializer's output for both results: records holding
/// arrays do not compare by value), and refuse what it refuses.
/// </summary>
public class SpecReaderTests
{
    private static string Serialize(ContainerConfig c) => JsonSerializer.Serialize(c, SpecJson.Default.ContainerConfig);

    private static (string? Json, string? Error) ViaSerializer(byte[] raw)
    {
        try
        {
            var c = JsonSerializer.Deserialize(raw, SpecJson.Default.ContainerConfig);
            return c is null ? (null, "null document") : (Serialize(c), null);
        }
        catch (Exception e)
        {
            return (null, e.GetType().Name + ": " + e.Message);
        }
    }

    private static (string? Json, string? Error) ViaReader(byte[] raw)
    {
        try
        {
            return (Serialize(SpecReader.ReadConfig(raw)), null);
        }
        catch (RuntimeException e)
        {
            return (null, e.Message);
        }
    }

    private static void AssertSameAsSerializer(byte[] raw)
    {
        var expected = ViaSerializer(raw);
        var actual = ViaReader(raw);
        if (expected.Json is null)
        {
            Assert.That(actual.Json, Is.Null, "the serializer refuses it: " + expected.Error);
            Assert.That(actual.Error, Does.StartWith("config.json: "));
        }
        else
        {
            Assert.That(actual.Json, Is.EqualTo(expected.Json), actual.Error);
        }
    }

    public static IEnumerable<TestCaseData> Files()
    {
        var root = SchemaTestFiles.RepoRoot;
        var files = Directory.GetFiles(SchemaTestFiles.ProjectFixtureDir, "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(SchemaTestFiles.OfficialSchemaDir, "test", "config"), "*.json", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "spec-tests", "base-config.json"));
        foreach (var file in files.Order(StringComparer.Ordinal))
            yield return new TestCaseData(file).SetName("Same as serializer: " + Path.GetRelativePath(Path.GetDirectoryName(root)!, file));
    }

    [TestCaseSource(nameof(Files))]
    public void FixtureDecodesAsTheSerializerDoes(string file) => AssertSameAsSerializer(File.ReadAllBytes(file));

    /// <summary>
    /// A few schema-valid configs are refused by the serializer and so by the
    /// reader: 5.0 is an integer to JSON Schema but not to the integer
    /// readers, the schema's integers are wider than the model's (hook
    /// timeout, console size), a timeOffsets entry of another clock or a
    /// sysctl value may be any value while the model types them.
    /// </summary>
    [Test]
    public void ValidFixturesDecodeExceptTheSerializersKnownRefusals()
    {
        var valid = Directory.GetFiles(Path.Combine(SchemaTestFiles.ProjectFixtureDir, "config", "valid"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(SchemaTestFiles.OfficialSchemaDir, "test", "config", "good"), "linux-*.json"))
            .Append(Path.Combine(SchemaTestFiles.RepoRoot, "spec-tests", "base-config.json")).ToList();
        var refused = new List<string>();
        foreach (var file in valid)
        {
            try
            {
                SpecReader.ReadConfig(File.ReadAllBytes(file));
            }
            catch (RuntimeException)
            {
                refused.Add(Path.GetFileName(file));
            }
        }
        Assert.That(valid, Has.Count.GreaterThan(80));
        Assert.That(refused, Is.EquivalentTo(new[]
        {
            "console-size-uint64-max.json", "hook-timeout-large.json", "integer-written-with-fraction-zero.json",
            "sysctl-empty-key-any-value.json", "time-offsets-other-clock-ignored.json",
        }));
    }

    [Test]
    public void DefaultSpecsDecode()
    {
        foreach (var config in new[] { DefaultSpec.Create(false, 0, 0), DefaultSpec.Create(true, 1000, 1000), DefaultSpec.WithCgroupNamespace(DefaultSpec.Create(false, 0, 0)) })
        {
            var raw = JsonSerializer.SerializeToUtf8Bytes(config, SpecJson.Default.ContainerConfig);
            Assert.That(Serialize(SpecReader.ReadConfig(raw)), Is.EqualTo(Serialize(config)));
        }
    }

    [Test]
    public void MaximalConfigSetsEveryProperty() =>
        Assert.That(MaximalConfig.DefaultedProperties(MaximalConfig.Create()), Is.Empty);

    [Test]
    public void MaximalConfigRoundTrips()
    {
        var expected = Serialize(MaximalConfig.Create());
        Assert.That(Serialize(SpecReader.ReadConfig(Encoding.UTF8.GetBytes(expected))), Is.EqualTo(expected));
    }

    [Test]
    public void MaximalProcessAndResourcesRoundTrip()
    {
        var process = JsonSerializer.Serialize(MaximalConfig.Create().Process!, SpecJson.Default.Process);
        Assert.That(JsonSerializer.Serialize(SpecReader.ReadProcess(Encoding.UTF8.GetBytes(process), "p.json"), SpecJson.Default.Process), Is.EqualTo(process));
        var resources = JsonSerializer.Serialize(MaximalConfig.Resources(), SpecJson.Default.LinuxResources);
        Assert.That(JsonSerializer.Serialize(SpecReader.ReadResources(Encoding.UTF8.GetBytes(resources), "r"), SpecJson.Default.LinuxResources), Is.EqualTo(resources));
    }

    [TestCase("""{"ociVersion":"1","x":{"a":[1,{"b":null}],"process":3},"y":[[[]]]}""")]
    [TestCase("""{"\u006fciVersion":"1.0","pro\u0063ess":{"cwd":"\/a\u00e9"}}""")]
    [TestCase("""{"ociVersion":"1","ociVersion":"2","root":{"path":"a"},"root":{"readonly":true}}""")]
    [TestCase("""{"annotations":{"a":"1","a":"2","b":"3"}}""")]
    [TestCase("""{"ociVersion":null,"root":null,"mounts":[null,{"destination":null}],"process":{"user":null,"args":[null],"cwd":null},"annotations":{"a":null}}""")]
    [TestCase("""{"linux":{"netDevices":{"a":null},"timeOffsets":{"b":null},"resources":{"rdma":{"c":null},"unified":null}}}""")]
    [TestCase("""{"process":{"user":{"uid":1.0}}}""")]
    [TestCase("""{"process":{"user":{"uid":1e3}}}""")]
    [TestCase("""{"process":{"user":{"uid":-0}}}""")]
    [TestCase("""{"process":{"user":{"uid":4294967296}}}""")]
    [TestCase("""{"process":{"user":{"uid":-1}}}""")]
    [TestCase("""{"process":{"user":{"additionalGids":[1,null]}}}""")]
    [TestCase("""{"process":{"oomScoreAdj":2147483648}}""")]
    [TestCase("""{"process":{"rlimits":[{"hard":18446744073709551616}]}}""")]
    [TestCase("""{"linux":{"resources":{"blockIO":{"weight":65536}}}}""")]
    [TestCase("""{"linux":{"resources":{"blockIO":{"weight":65535,"leafWeight":null}}}}""")]
    [TestCase("""{"linux":{"resources":{"memory":{"limit":-9223372036854775809}}}}""")]
    [TestCase("""{"linux":{"resources":{"pids":{"limit":null}}}}""")]
    [TestCase("""{"process":{"terminal":null}}""")]
    [TestCase("""{"process":{"terminal":1}}""")]
    [TestCase("""{"process":{"terminal":"true"}}""")]
    [TestCase("""{"mounts":{}}""")]
    [TestCase("""{"mounts":"x"}""")]
    [TestCase("""{"mounts":[[]]}""")]
    [TestCase("""{"annotations":{"a":1}}""")]
    [TestCase("""{"annotations":[]}""")]
    [TestCase("""{"hostname":{}}""")]
    [TestCase("""{"linux":{"seccomp":{"syscalls":[{"names":null,"args":[{"index":1,"value":2,"valueTwo":null}]}]}}}""")]
    [TestCase("""{"$id":"1","$ref":"x","$type":"y","$values":[]}""")]
    [TestCase("""{"root":{},"mounts":[{}],"process":{"user":{},"capabilities":{},"rlimits":[{}],"scheduler":{},"ioPriority":{},"consoleSize":{},"execCPUAffinity":{}},"hooks":{"prestart":[{}]}}""")]
    [TestCase("""{"linux":{"namespaces":[{}],"devices":[{}],"netDevices":{"a":{}},"seccomp":{"syscalls":[{"args":[{}]}]},"intelRdt":{},"memoryPolicy":{},"personality":{},"timeOffsets":{"a":{}}}}""")]
    [TestCase("""{"linux":{"resources":{"devices":[{}],"memory":{},"cpu":{},"pids":{},"blockIO":{"weightDevice":[{}],"throttleReadBpsDevice":[{}]},"hugepageLimits":[{}],"network":{"priorities":[{}]},"rdma":{"a":{}}}}}""")]
    [TestCase("null")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("[]")]
    [TestCase("\"x\"")]
    [TestCase("{} x")]
    [TestCase("{}{}")]
    [TestCase("{} ")]
    [TestCase("""{"a":1,}""")]
    [TestCase("/*c*/{}")]
    [TestCase("""{"ociVersion":"\ud800"}""")]
    [TestCase("""{"\udc00":1}""")]
    [TestCase("{\"ociVersion\":\"1\"")]
    [TestCase("""{"process":{"args":["a",]}}""")]
    public void EdgeCaseDecodesAsTheSerializerDoes(string json) => AssertSameAsSerializer(Encoding.UTF8.GetBytes(json));

    [Test]
    public void InvalidUtf8AndByteOrderMarkAsTheSerializer()
    {
        AssertSameAsSerializer([.. "{\"ociVersion\":\""u8, 0xff, 0xfe, .. "\"}"u8]);
        AssertSameAsSerializer([.. "{\"oci"u8, 0xc3, .. "\":1}"u8]);
        AssertSameAsSerializer([0xef, 0xbb, 0xbf, .. "{\"ociVersion\":\"1\"}"u8]);
    }

    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    public void NestingDepthAsTheSerializer(int depth) =>
        AssertSameAsSerializer(Encoding.UTF8.GetBytes("{\"x\":" + new string('[', depth) + new string(']', depth) + "}"));

    [TestCase("""{"process":{"user":{"uid":"0"}}}""", "config.json: process.user.uid: expected an integer from 0 to 4294967295, got a string")]
    [TestCase("""{"mounts":[{},{"options":["a",1]}]}""", "config.json: mounts[1].options[1]: expected a string, got 1")]
    [TestCase("""{"linux":{"resources":{"memory":{"limit":9223372036854775808}}}}""", "config.json: linux.resources.memory.limit: expected an integer from -9223372036854775808 to 9223372036854775807, got 9223372036854775808")]
    [TestCase("""{"linux":{"resources":{"blockIO":{"weight":-1}}}}""", "config.json: linux.resources.blockIO.weight: expected an integer from 0 to 65535, got -1")]
    [TestCase("""{"root":{"readonly":null}}""", "config.json: root.readonly: expected a boolean, got null")]
    [TestCase("""{"linux":{"timeOffsets":{"monotonic":{"secs":[]}}}}""", "config.json: linux.timeOffsets.monotonic.secs: expected an integer from -9223372036854775808 to 9223372036854775807, got an array")]
    [TestCase("""{"process":{"rlimits":[{"type":"RLIMIT_CORE","hard":1.5}]}}""", "config.json: process.rlimits[0].hard: expected an integer from 0 to 18446744073709551615, got 1.5")]
    [TestCase("""{"linux":"x"}""", "config.json: linux: expected an object, got a string")]
    [TestCase("null", "config.json: (root): expected an object, got null")]
    [TestCase("[1]", "config.json: (root): expected an object, got an array")]
    public void ErrorNamesThePathAndTheRule(string json, string error) =>
        Assert.That(() => SpecReader.ReadConfig(Encoding.UTF8.GetBytes(json)), Throws.TypeOf<RuntimeException>().With.Message.EqualTo(error));

    [Test]
    public void MalformedJsonIsARuntimeError()
    {
        Assert.That(() => SpecReader.ReadConfig("{\"process\":{\"args\":[\"a\" \"b\"]}}"u8), Throws.TypeOf<RuntimeException>().With.Message.StartWith("config.json: process.args"));
        Assert.That(() => SpecReader.ReadConfig("{\"ociVersion\":\"\\ud800\"}"u8), Throws.TypeOf<RuntimeException>().With.Message.EqualTo("config.json: ociVersion: string is not valid UTF-8 or holds an unpaired surrogate escape"));
    }

    [Test]
    public void ProcessAndResourcesErrorsNameTheirSource()
    {
        Assert.That(() => SpecReader.ReadProcess("{\"args\":\"sh\"}"u8, "/tmp/p.json"), Throws.TypeOf<RuntimeException>().With.Message.EqualTo("/tmp/p.json: args: expected an array, got a string"));
        Assert.That(() => SpecReader.ReadResources("{\"pids\":{\"limit\":true}}"u8, "--resources"), Throws.TypeOf<RuntimeException>().With.Message.EqualTo("--resources: pids.limit: expected an integer from -9223372036854775808 to 9223372036854775807, got a boolean"));
    }

    [Test]
    public void LongValuesAreClippedInErrors()
    {
        var json = "{\"process\":{\"user\":{\"uid\":" + new string('9', 5000) + "}}}";
        Assert.That(() => SpecReader.ReadConfig(Encoding.UTF8.GetBytes(json)), Throws.TypeOf<RuntimeException>().With.Message.Length.LessThan(1100));
    }
}
