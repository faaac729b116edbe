using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using OciRuntime.Tests.Validation;

namespace OciRuntime.Tests.Reliability;

/// <summary>
/// The hostile corpus (schemas/fixtures/hostile: wrong types, huge numbers,
/// deep nesting, invalid UTF-8, duplicate keys, wrong enums, `..`, NUL,
/// symlink-like paths, broken structure) and inputs too large to commit, each
/// through the decoder and validator: a config or one clean error line, never
/// another exception, never a hang.
/// </summary>
public class HostileConfigTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    internal static string CorpusDir => Path.Combine(SchemaTestFiles.ProjectFixtureDir, "hostile");

    internal static string BaseConfigPath => Path.Combine(SchemaTestFiles.RepoRoot, "spec-tests", "base-config.json");

    [Test]
    public void EveryCorpusFileIsAcceptedOrRejectedInOneLine()
    {
        var files = Directory.GetFiles(CorpusDir, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(200), "corpus size");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var defects = new List<string>();
        foreach (var file in files)
        {
            var outcome = DecodeOutcome.Of(File.ReadAllBytes(file), Limit);
            counts[outcome.Kind] = counts.GetValueOrDefault(outcome.Kind) + 1;
            if (outcome.IsDefect)
                defects.Add($"{Path.GetFileName(file)}: {outcome.Kind}: {outcome.Detail}");
        }
        TestContext.Out.WriteLine($"hostile corpus: {files.Count} files, " + string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.That(defects, Is.Empty, string.Join("\n", defects));
    }

    /// <summary>Accepted files must really be acceptable: the corpus is not all noise.</summary>
    [Test]
    public void CorpusRejectsTheBrokenOnesItClaimsToBreak()
    {
        string[] mustReject = ["struct-empty", "struct-null", "struct-truncated", "dup-ociVersion", "enum-linux.namespaces.0.type-bogus",
            "utf8-ff-hostname", "nul-mounts.0.destination", "struct-nan", "deep-array-20000", "struct-trailing-garbage", "fuzz-regression-utf8-property-name",
            "fuzz-regression-utf8-pattern-string", "fuzz-regression-utf8-enum-value", "fuzz-regression-surrogate-property-name", "fuzz-regression-surrogate-annotation"];
        foreach (var name in mustReject)
        {
            var file = Directory.GetFiles(CorpusDir, $"*{name}.json").Order(StringComparer.Ordinal).First();
            var outcome = DecodeOutcome.Of(File.ReadAllBytes(file), Limit);
            Assert.That(outcome.Kind, Is.EqualTo(DecodeOutcome.Rejected), $"{name}: {outcome.Detail}");
        }
        Assert.That(DecodeOutcome.Of(File.ReadAllBytes(BaseConfigPath), Limit).Kind, Is.EqualTo(DecodeOutcome.Accepted));
    }

    public static IEnumerable<TestCaseData> TenMegabyteStrings()
    {
        var big = new string('x', 10 << 20);
        yield return new TestCaseData("hostname", (Action<JsonObject>)(c => c["hostname"] = big)).SetName("TenMegabyteString hostname");
        yield return new TestCaseData("args", (Action<JsonObject>)(c => c["process"]!["args"] = new JsonArray("sh", big))).SetName("TenMegabyteString process.args");
        yield return new TestCaseData("annotation key", (Action<JsonObject>)(c => c["annotations"] = new JsonObject { [big] = "v" })).SetName("TenMegabyteString annotation key");
        yield return new TestCaseData("mount destination", (Action<JsonObject>)(c => c["mounts"]!.AsArray()[0]!["destination"] = "/" + big)).SetName("TenMegabyteString mount destination");
        yield return new TestCaseData("ociVersion", (Action<JsonObject>)(c => c["ociVersion"] = "1." + big)).SetName("TenMegabyteString ociVersion");
    }

    [TestCaseSource(nameof(TenMegabyteStrings))]
    public void TenMegabyteStringIsHandled(string where, Action<JsonObject> edit)
    {
        var config = JsonNode.Parse(File.ReadAllBytes(BaseConfigPath))!.AsObject();
        edit(config);
        var raw = Encoding.UTF8.GetBytes(config.ToJsonString());
        var started = DateTime.UtcNow;
        var outcome = DecodeOutcome.Of(raw, Limit);
        Assert.That(outcome.IsDefect, Is.False, $"{where}: {outcome.Kind}: {outcome.Detail}");
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)), where);
    }

    [TestCase(100_000)]
    [TestCase(1_000_000)]
    public void DeepNestingIsRejected(int depth)
    {
        var text = File.ReadAllText(BaseConfigPath).TrimEnd();
        var raw = Encoding.UTF8.GetBytes(text[..^1] + ",\"x\":" + new string('[', depth) + new string(']', depth) + "}");
        var outcome = DecodeOutcome.Of(raw, Limit);
        Assert.That(outcome.Kind, Is.EqualTo(DecodeOutcome.Rejected), outcome.Detail);
    }
}
