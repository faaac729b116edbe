using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using OciRuntime.Tests.Validation;

namespace OciRuntime.Tests.Reliability;

/// <summary>
/// A bounded random fuzzer over BundleLoader.Decode: valid configs mutated
/// byte-wise and structurally, from a fixed seed so a failure reproduces.
/// OCIRUNTIME_FUZZ_ITERATIONS and OCIRUNTIME_FUZZ_SEED make longer or other
/// runs; OCIRUNTIME_FUZZ_OUT keeps the inputs that found a defect, which
/// then join schemas/fixtures/hostile as regression cases (fuzz-*.json).
/// </summary>
public class ConfigFuzzTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "0", "1e999", "-0", "18446744073709551616",
        "\\u0000", "\\ud800", "\"..\"", "\"/../..\"", "{}", "[]", "\"\"", "\"a\":1,", "\u00ff", "NaN",
    ];

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    [Test]
    public void MutatedConfigsNeverCrashOrHang()
    {
        int iterations = Env("OCIRUNTIME_FUZZ_ITERATIONS", 4000);
        var random = new Random(Env("OCIRUNTIME_FUZZ_SEED", 20250601));
        var seeds = Seeds();
        var defects = new List<string>();
        var counts = new Dictionary<string, int>();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            // Half the inputs start from the runnable base config, which the
            // runtime accepts whole: mutations of it probe past the first rule.
            var seed = seeds[random.Next(2) == 0 ? 0 : random.Next(seeds.Count)];
            var input = random.Next(2) == 0 ? MutateBytes(seed, random, seeds) : MutateTree(seed, random);
            var outcome = DecodeOutcome.Of(input, Limit);
            counts[outcome.Kind] = counts.GetValueOrDefault(outcome.Kind) + 1;
            if (!outcome.IsDefect)
                continue;
            defects.Add($"#{i} {outcome.Kind}: {outcome.Detail}");
            Keep(input, i);
        }
        TestContext.Out.WriteLine($"fuzz: {iterations} executions in {watch.Elapsed.TotalSeconds:F1}s, " +
            string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.That(defects, Is.Empty, string.Join("\n", defects.Take(20)));
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        Assert.That(counts.GetValueOrDefault(DecodeOutcome.Accepted), Is.GreaterThan(0), "no mutated config was accepted");
        Assert.That(counts.GetValueOrDefault(DecodeOutcome.Rejected), Is.GreaterThan(0), "no mutated config was rejected");
    }

    private static void Keep(byte[] input, int iteration)
    {
        var dir = Environment.GetEnvironmentVariable("OCIRUNTIME_FUZZ_OUT");
        if (string.IsNullOrEmpty(dir))
            return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, $"fuzz-{iteration}.json"), input);
    }

    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]> { File.ReadAllBytes(HostileConfigTests.BaseConfigPath) };
        seeds.AddRange(Directory.GetFiles(Path.Combine(SchemaTestFiles.ProjectFixtureDir, "config", "valid"), "*.json")
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        return seeds;
    }

    private static byte[] MutateBytes(byte[] seed, Random random, List<byte[]> seeds)
    {
        var data = new List<byte>(seed);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds && data.Count > 0; r++)
        {
            int at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(16)));
                    break;
                case 2:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 3:
                {
                    int len = Math.Min(data.Count - at, 1 + random.Next(64));
                    data.InsertRange(at, data.GetRange(at, len));
                    break;
                }
                case 4:
                {
                    var other = seeds[random.Next(seeds.Count)];
                    int from = random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(1 + random.Next(128)));
                    break;
                }
                default:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
            }
        }
        return data.ToArray();
    }

    /// <summary>Replaces one node of the parsed seed: every field gets wrong types, edge numbers and hostile strings.</summary>
    private static byte[] MutateTree(byte[] seed, Random random)
    {
        var root = JsonNode.Parse(seed)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        int rounds = 1 + random.Next(3);
        for (int r = 0; r < rounds; r++)
        {
            var target = nodes[random.Next(nodes.Count)];
            if (target.Parent is null)
                continue;
            var replacement = RandomValue(random, target);
            switch (target.Parent)
            {
                case JsonObject obj:
                    obj[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray arr:
                    arr[target.GetElementIndex()] = replacement;
                    break;
            }
            nodes.Clear();
            Collect(root, nodes);
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
            return;
        into.Add(node);
        if (node is JsonObject obj)
            foreach (var kv in obj)
                Collect(kv.Value, into);
        else if (node is JsonArray arr)
            foreach (var item in arr)
                Collect(item, into);
    }

    private static JsonNode? RandomValue(Random random, JsonNode original) => random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(long.MinValue),
        4 => JsonValue.Create(ulong.MaxValue),
        5 => JsonValue.Create(-random.Next(1, 70000)),
        6 => JsonValue.Create(random.NextDouble() * 1e300),
        7 => JsonValue.Create(""),
        8 => JsonValue.Create("/../../../etc/passwd"),
        9 => JsonValue.Create("a\0b"),
        10 => JsonValue.Create(new string('z', random.Next(1, 5000))),
        11 => new JsonArray(),
        12 => new JsonObject(),
        13 => new JsonArray(original.DeepClone(), original.DeepClone()),
        14 => new JsonObject { ["x"] = original.DeepClone() },
        _ => JsonValue.Create("\ud800"),
    };
}
