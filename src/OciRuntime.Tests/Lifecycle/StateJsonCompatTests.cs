using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Lifecycle;

/// <summary>
/// The hand-written state.json and state-output codecs against files the
/// source-generated serializer wrote (Fixtures/): same bytes out, same
/// records in.
/// </summary>
[SupportedOSPlatform("linux")]
public class StateJsonCompatTests
{
    private static string Fixture(string name) =>
        Path.Combine(Validation.SchemaTestFiles.RepoRoot, "src", "OciRuntime.Tests", "Lifecycle", "Fixtures", name);

    public static string[] RecordNames() => StateJsonSamples.Records().Select(r => r.Name).ToArray();

    private static ContainerRecord Sample(string name) => StateJsonSamples.Records().Single(r => r.Name == name).Record;

    [TestCaseSource(nameof(RecordNames))]
    public void WritesTheBytesTheOldSerializerWrote(string name)
    {
        var written = ContainerRecordJson.Write(Sample(name));
        Assert.That(Encoding.UTF8.GetString(written), Is.EqualTo(File.ReadAllText(Fixture($"record-{name}.json"))));
    }

    [TestCaseSource(nameof(RecordNames))]
    public void ReadsWhatTheOldSerializerWrote(string name)
    {
        var read = ContainerRecordJson.Read(File.ReadAllBytes(Fixture($"record-{name}.json")));
        AssertSame(read!, Sample(name));
    }

    [TestCaseSource(nameof(RecordNames))]
    public void RoundTripsEveryField(string name)
    {
        var sample = Sample(name);
        AssertSame(ContainerRecordJson.Read(ContainerRecordJson.Write(sample))!, sample);
    }

    [Test]
    public void FullSampleSetsEveryField()
    {
        // Guards the round trip: a field left at its default in every sample would round-trip trivially.
        var f = Sample("full");
        var d = new ContainerRecord();
        var differs = new (string, bool)[]
        {
            ("ociVersion", f.OciVersion != d.OciVersion), ("id", f.Id != d.Id), ("initPid", f.InitPid != d.InitPid),
            ("initStartTime", f.InitStartTime != d.InitStartTime), ("bundle", f.Bundle != d.Bundle), ("rootfs", f.Rootfs != d.Rootfs),
            ("created", f.Created != d.Created), ("owner", f.Owner != d.Owner), ("annotations", f.Annotations is { Count: > 0 }),
            ("cgroupsPath", f.CgroupsPath is not null), ("systemdCgroup", f.SystemdCgroup), ("namespacePaths", f.NamespacePaths is { Count: > 0 }),
            ("hasPidNamespace", f.HasPidNamespace), ("hooks", f.Hooks is { Poststop: not null, Prestart: not null }),
        };
        foreach (var (name, set) in differs)
            Assert.That(set, Is.True, name);
        Assert.That(Sample("minimal").Creating, Is.True);
    }

    [Test]
    public void UnknownMembersAreSkippedAndMissingOnesDefault()
    {
        var json = """{"future":{"a":[1,{"b":null}]},"id":"x","initPid":5,"more":"y","hooks":{"later":[],"poststop":[{"path":"/p","extra":1}]}}""";
        var r = ContainerRecordJson.Read(Encoding.UTF8.GetBytes(json))!;
        Assert.That((r.Id, r.InitPid, r.OciVersion, r.Annotations, r.Creating), Is.EqualTo(("x", 5, "", (object?)null, false)));
        Assert.That(r.Hooks!.Poststop!.Single().Path, Is.EqualTo("/p"));
        Assert.That(r.Hooks.Prestart, Is.Null);
    }

    [TestCase("", TestName = "Empty file")]
    [TestCase("   ", TestName = "Only blanks")]
    [TestCase("{\"id\": \"x\", \"initPid\": ", TestName = "Truncated in a member")]
    [TestCase("{\"id\": \"x\"", TestName = "Truncated before the end")]
    [TestCase("{\"id\": \"x\"}}", TestName = "Trailing data")]
    [TestCase("[]", TestName = "Array instead of object")]
    [TestCase("{\"initPid\": \"7\"}", TestName = "String for a number")]
    [TestCase("{\"initPid\": 1e99}", TestName = "Number out of range")]
    [TestCase("{\"initStartTime\": -1}", TestName = "Negative start time")]
    [TestCase("{\"id\": 7}", TestName = "Number for a string")]
    [TestCase("{\"creating\": \"yes\"}", TestName = "String for a boolean")]
    [TestCase("{\"annotations\": {\"a\": 1}}", TestName = "Number in a map")]
    [TestCase("{\"hooks\": {\"poststop\": {}}}", TestName = "Object for a hook list")]
    [TestCase("{\"hooks\": {\"poststop\": [{\"args\": [1]}]}}", TestName = "Number in hook args")]
    public void MalformedInputThrowsJsonException(string json)
    {
        Assert.Throws(Is.InstanceOf<JsonException>(), () => ContainerRecordJson.Read(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void EveryTruncationOfARealFileIsRejected()
    {
        var bytes = File.ReadAllBytes(Fixture("record-full.json"));
        for (int n = 0; n < bytes.Length; n++)
        {
            var prefix = bytes.AsSpan(0, n).ToArray();
            Assert.Throws(Is.InstanceOf<JsonException>(), () => ContainerRecordJson.Read(prefix), $"prefix of {n} bytes");
        }
    }

    [Test]
    public void NullLiteralReadsAsNull()
    {
        Assert.That(ContainerRecordJson.Read("null"u8), Is.Null);
    }

    [Test]
    public void StoreReportsBadFilesWithThePath()
    {
        var tmp = Directory.CreateTempSubdirectory("lc-json-").FullName;
        try
        {
            var store = new StateStore(tmp);
            using (store.Create("c1"))
            {
                foreach (var (content, expected) in new[] { ("{\"id\": \"c1\", \"initPid\": ", ""), ("null", ": empty state"), ("", "") })
                {
                    File.WriteAllText(store.StatePath("c1"), content);
                    var e = Assert.Throws<RuntimeException>(() => store.Load("c1"));
                    Assert.That(e!.Message, Does.StartWith($"read `{store.StatePath("c1")}`: "));
                    if (expected != "")
                        Assert.That(e.Message, Does.EndWith(expected));
                }
            }
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    [Test]
    public void StateOutputIsWhatTheOldSerializerWrote()
    {
        foreach (var (name, view) in StateJsonSamples.Views())
            Assert.That(StateViewJson.Write(view), Is.EqualTo(File.ReadAllText(Fixture($"view-{name}.json"))), name);
    }

    [Test]
    public void ListOutputIsWhatTheOldSerializerWrote()
    {
        Assert.That(StateViewJson.WriteList(StateJsonSamples.ViewList().ToList()), Is.EqualTo(File.ReadAllText(Fixture("list.json"))));
    }

    private static void AssertSame(ContainerRecord actual, ContainerRecord expected)
    {
        Assert.That(actual with { Annotations = null, NamespacePaths = null, Hooks = null },
            Is.EqualTo(expected with { Annotations = null, NamespacePaths = null, Hooks = null }));
        Assert.That(actual.Annotations?.ToList(), Is.EqualTo(expected.Annotations?.ToList()));
        Assert.That(actual.NamespacePaths?.ToList(), Is.EqualTo(expected.NamespacePaths?.ToList()));
        Assert.That(actual.Hooks is null, Is.EqualTo(expected.Hooks is null));
        if (expected.Hooks is not { } eh)
            return;
        var ah = actual.Hooks!;
        var pairs = new[]
        {
            (ah.Prestart, eh.Prestart), (ah.CreateRuntime, eh.CreateRuntime), (ah.CreateContainer, eh.CreateContainer),
            (ah.StartContainer, eh.StartContainer), (ah.Poststart, eh.Poststart), (ah.Poststop, eh.Poststop),
        };
        foreach (var (a, e) in pairs)
        {
            Assert.That(a?.Length, Is.EqualTo(e?.Length));
            for (int i = 0; i < (e?.Length ?? 0); i++)
                Assert.That((a![i].Path, a[i].Args, a[i].Env, a[i].Timeout), Is.EqualTo((e![i].Path, e[i].Args, e[i].Env, e[i].Timeout)));
        }
    }
}
