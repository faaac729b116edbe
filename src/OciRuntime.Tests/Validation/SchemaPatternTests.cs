using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>
/// <see cref="SchemaPattern"/> against .NET's ECMAScript-mode engine (with
/// <c>$</c> and <c>.</c> given their ECMA 262 meaning) on every pattern of
/// the schemas plus a set exercising each construct, over fixed and random inputs.
/// </summary>
public class SchemaPatternTests
{
    private static readonly string[] Patterns =
    [
        // The schemas' own (ours and the official ones) and the cgroup planners'.
        "^CAP_[A-Z_]+$", "^MB:[^\\n]*$", "^RLIMIT_[A-Z]+$", "^[-0-9, ]*$", "^[0-9, -]*$",
        "^[1-9][0-9]*[KMG]B$", "^[cbup]$", ".", "^[a-z_]+\\.[a-z0-9_.]+$",
        // Constructs.
        "b", "^b", "a$", "^$", "", "a|b|^c$", "(ab|a)c", "^(?:ab)+$", "^a{2}$", "^a{2,}$", "^a{1,3}b$",
        "^a*?b", "^(a|ab)*c$", "^[^a-c]+$", "^[\\d]+$", "^\\D\\W\\S$", "^\\w+$", "^[\\w-]+$",
        "^[a\\-z]$", "^[-a]$", "^[a-]$", "^\\x41\\u0042$", "^\\.\\*\\?$", "^a.c$", "^[.]$", "^(a*)*b$",
        "^(a?){3}a{3}$", "x{,2}", "^[]$", "^[^]$", "^[\\b]$", "^\\t\\n\\r\\v\\f$", "^((a)|b)+$",
    ];

    private static readonly string[] Inputs =
    [
        "", "a", "b", "c", "ab", "abc", "aab", "aaab", "aaaaaa", "ac", "abac", "abababc", "CAP_SYS_ADMIN", "CAP_", "cap_kill",
        "MB:0=1;1=2", "MB:x\n", "RLIMIT_NOFILE", "RLIMIT_", "0-3,5", "0-3, 5 ", " 1 , 2-4 ", "1-", "64KB", "2MB", "0MB",
        "1GB\n", "c", "u", "p", "x", "memory.max", "cpu.weight", "Memory.max", "io.", "a.c", "a\rc", "a\nc", "a\u2028c",
        ".", "*", ".*?", "\t\n\r\v\f", "\b", "AB", "x{,2}", "a-z", "-", "\u0663", "a b", "a_b-c", "\u00a0", "aaa", "aaaa",
    ];

    /// <summary>The translation the validator used before it had its own engine: ECMA 262 meaning of '$' and '.'.</summary>
    private static Regex Oracle(string pattern)
    {
        var builder = new StringBuilder();
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
                builder.Append(c).Append(pattern[++i]);
            else if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
            }
            else if (c == '[')
            {
                // ECMA 262: "[]" is empty and "[^]" is anything; .NET reads a ']' there as a literal.
                if (pattern.AsSpan(i).StartsWith("[]"))
                {
                    builder.Append("(?!)");
                    i += 1;
                }
                else if (pattern.AsSpan(i).StartsWith("[^]"))
                {
                    builder.Append(@"[\s\S]");
                    i += 2;
                }
                else
                {
                    inClass = true;
                    builder.Append(c);
                }
            }
            else if (c == '$')
                builder.Append(@"(?![\s\S])");
            else if (c == '.')
                builder.Append(@"[^\n\r\u2028\u2029]");
            else
                builder.Append(c);
        }
        return new Regex(builder.ToString(), RegexOptions.ECMAScript);
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var pattern in Patterns)
            yield return new TestCaseData(pattern).SetName($"SameAsEcmaScript({Escape(pattern)})");
    }

    private static int Seed(string pattern)
    {
        int seed = 17;
        foreach (char c in pattern)
            seed = seed * 31 + c;
        return seed;
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

    [TestCaseSource(nameof(Cases))]
    public void SameAsEcmaScript(string pattern)
    {
        var ours = SchemaPattern.Parse(pattern);
        var oracle = Oracle(pattern);
        var random = new Random(Seed(pattern));
        const string alphabet = "abcAB01-,. \n\r_CPMKGBx";
        var inputs = new List<string>(Inputs);
        for (int n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 9)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            inputs.Add(new string(chars));
        }
        foreach (var input in inputs)
            Assert.That(ours.IsMatch(input), Is.EqualTo(oracle.IsMatch(input)), $"pattern {pattern} on \"{Escape(input)}\"");
    }

    [TestCase("(?=a)")]
    [TestCase("(?!a)")]
    [TestCase("\\b")]
    [TestCase("(a)\\1")]
    [TestCase("\\p{L}")]
    [TestCase("(a")]
    [TestCase("a)")]
    [TestCase("[a")]
    [TestCase("*a")]
    [TestCase("a{3,2}")]
    [TestCase("[z-a]")]
    [TestCase("\\")]
    [TestCase("\\xZZ")]
    [TestCase("^*")]
    public void UnsupportedOrMalformedIsRefused(string pattern) =>
        Assert.Throws<FormatException>(() => SchemaPattern.Parse(pattern));

    [Test]
    public void ClassEscapesInsideAClass()
    {
        // .NET's ECMAScript mode drops \s inside a class; ECMA 262 keeps it.
        var pattern = SchemaPattern.Parse("^[\\d\\s]+$");
        Assert.That(pattern.IsMatch("1 2\t3"), Is.True);
        Assert.That(pattern.IsMatch("1a"), Is.False);
        Assert.That(SchemaPattern.Parse("^[\\D]$").IsMatch("1"), Is.False);
        Assert.That(SchemaPattern.Parse("^[\\D]$").IsMatch("x"), Is.True);
    }

    [Test]
    public void LongValuesMatchWithoutDeepRecursion()
    {
        var value = "MB:" + new string('x', 2_000_000);
        Assert.That(SchemaPattern.Parse("^MB:[^\\n]*$").IsMatch(value), Is.True);
        Assert.That(SchemaPattern.Parse("^MB:[^\\n]*$").IsMatch(value + "\n"), Is.False);
        Assert.That(SchemaPattern.Parse("^[-0-9, ]*$").IsMatch(new string('1', 1_000_000) + "x"), Is.False);
    }

    [Test]
    public void PathologicalRepeatGivesUpInsteadOfOverflowingTheStack()
    {
        var pattern = SchemaPattern.Parse("^(a|b)*$");
        Assert.That(pattern.IsMatch(new string('a', 100)), Is.True);
        Assert.That(pattern.IsMatch(new string('a', 100_000)), Is.False, "past the depth limit a match attempt counts as no match");
    }

    [Test]
    public void SchemaWithAnUnsupportedPatternIsRejectedWhenCompiled()
    {
        var map = new Dictionary<string, System.Text.Json.JsonDocument>
        {
            ["s.json"] = System.Text.Json.JsonDocument.Parse("""{"properties":{"a":{"pattern":"(?<=x)a"}}}"""),
        };
        var e = Assert.Throws<InvalidOperationException>(() => new JsonSchemaValidator(map).Validate("s.json", System.Text.Json.JsonDocument.Parse("{}").RootElement, "x"));
        Assert.That(e!.Message, Does.Contain("/properties/a").And.Contain("not supported"));
    }
}
