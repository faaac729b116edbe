using System;
using System.Collections.Generic;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>Each draft-04 keyword of <see cref="JsonSchemaValidator"/> on small inline schemas.</summary>
public class SchemaKeywordTests
{
    private static JsonSchemaValidator Validator(params (string Name, string Json)[] documents)
    {
        var map = new Dictionary<string, JsonDocument>();
        foreach (var (name, json) in documents)
        {
            map[name] = JsonDocument.Parse(json);
        }
        return new JsonSchemaValidator(map);
    }

    private static string[] Check(string schema, string instance)
    {
        var validator = Validator(("s.json", schema));
        using var document = JsonDocument.Parse(instance);
        return [.. validator.Validate("s.json", document.RootElement, "x")];
    }

    [TestCase("1", true)]
    [TestCase("1.0", true)]
    [TestCase("1e2", true)]
    [TestCase("1.5e1", true)]
    [TestCase("-0", true)]
    [TestCase("1.5", false)]
    [TestCase("1e-2", false)]
    [TestCase("\"1\"", false)]
    public void IntegerMeansAWholeNumber(string instance, bool valid)
    {
        Assert.That(Check("""{"type":"integer"}""", instance), valid ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public void TypeArrayListsEveryAllowedType()
    {
        Assert.That(Check("""{"type":["string","null"]}""", "null"), Is.Empty);
        Assert.That(Check("""{"type":["string","null"]}""", "7"), Is.EqualTo(new[] { "x: (root): expected string or null, got integer" }));
        Assert.That(Check("""{"type":"number"}""", "7"), Is.Empty);
    }

    [TestCase("18446744073709551615", true)]
    [TestCase("18446744073709551616", false)]
    [TestCase("18446744073709551615.5", false)]
    [TestCase("1.8446744073709551615e19", true)]
    [TestCase("1e400", false)]
    [TestCase("-9223372036854775808", true)]
    [TestCase("-9223372036854775809", false)]
    [TestCase("-1e400", false)]
    public void BoundsAreExactBeyondDoublePrecision(string instance, bool valid)
    {
        const string schema = """{"minimum":-9223372036854775808,"maximum":18446744073709551615}""";
        Assert.That(Check(schema, instance), valid ? Is.Empty : Is.Not.Empty);
    }

    [TestCase("0", false)]
    [TestCase("1e-30", true)]
    [TestCase("-0.0000001", false)]
    [TestCase("2", true)]
    [TestCase("3", false)]
    public void ExclusiveBoundsExcludeTheBound(string instance, bool valid)
    {
        Assert.That(Check("""{"minimum":0,"exclusiveMinimum":true,"maximum":3,"exclusiveMaximum":true}""", instance), valid ? Is.Empty : Is.Not.Empty);
    }

    [Test]
    public void PatternSearchesAndDollarDoesNotAcceptATrailingNewline()
    {
        Assert.That(Check("""{"pattern":"b"}""", "\"abc\""), Is.Empty);
        Assert.That(Check("""{"pattern":"^b"}""", "\"abc\""), Is.Not.Empty);
        Assert.That(Check("""{"pattern":"^a$"}""", "\"a\\n\""), Is.Not.Empty);
        Assert.That(Check("""{"pattern":"^[$]$"}""", "\"$\""), Is.Empty);
        Assert.That(Check("""{"pattern":"^\\d$"}""", "\"\u0663\""), Is.Not.Empty, "\\d is ASCII-only in ECMA 262");
        Assert.That(Check("""{"pattern":"^a.c$"}""", "\"a\\rc\""), Is.Not.Empty);
        Assert.That(Check("""{"pattern":"^a.c$"}""", "\"abc\""), Is.Empty);
        Assert.That(Check("""{"pattern":"x"}""", "5"), Is.Empty, "pattern applies to strings only");
    }

    [Test]
    public void AdditionalPropertiesFalseNamesTheIntruder()
    {
        const string schema = """{"properties":{"a":{}},"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}""";
        Assert.That(Check(schema, """{"a":1,"x-b":"s"}"""), Is.Empty);
        Assert.That(Check(schema, """{"a":1,"x-b":2,"c":3}"""), Is.EqualTo(new[]
        {
            """x: (root): property "c" is not allowed""",
            """x: ["x-b"]: expected string, got integer""",
        }));
    }

    [Test]
    public void AdditionalPropertiesSchemaAppliesToUnlistedOnes()
    {
        const string schema = """{"properties":{"a":{}},"additionalProperties":{"type":"boolean"}}""";
        Assert.That(Check(schema, """{"a":1,"b":true}"""), Is.Empty);
        Assert.That(Check(schema, """{"a":1,"b":0}"""), Is.EqualTo(new[] { "x: b: expected boolean, got integer" }));
    }

    [Test]
    public void AnyOfReportsTheBranchThatGotDeepest()
    {
        const string schema = """{"anyOf":[{"type":"string"},{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"integer"}}}}}]}""";
        Assert.That(Check(schema, "\"ok\""), Is.Empty);
        Assert.That(Check(schema, """{"a":{"b":1}}"""), Is.Empty);
        Assert.That(Check(schema, """{"a":{"b":"no"}}"""), Is.EqualTo(new[] { "x: a.b: expected integer, got string" }));
        Assert.That(Check(schema, "true"), Is.EqualTo(new[] { "x: (root): expected string, got boolean" }));
    }

    [Test]
    public void OneOfNeedsExactlyOneMatch()
    {
        const string schema = """{"oneOf":[{"type":"integer"},{"minimum":10}]}""";
        Assert.That(Check(schema, "3"), Is.Empty);
        Assert.That(Check(schema, "10.5"), Is.Empty);
        Assert.That(Check(schema, "12"), Is.EqualTo(new[] { "x: (root): value matches 2 of the oneOf schemas (0, 1); exactly one must match" }));
        Assert.That(Check(schema, "2.5"), Is.Not.Empty);
    }

    [Test]
    public void AllOfAndNot()
    {
        Assert.That(Check("""{"allOf":[{"required":["a"]},{"required":["b"]}]}""", """{"c":1}"""), Is.EqualTo(new[]
        {
            """x: (root): required property "a" is missing""",
            """x: (root): required property "b" is missing""",
        }));
        Assert.That(Check("""{"not":{"type":"null"}}""", "null"), Is.EqualTo(new[] { "x: (root): value must not match the \"not\" schema" }));
        Assert.That(Check("""{"not":{"type":"null"}}""", "0"), Is.Empty);
    }

    [Test]
    public void DuplicateErrorsAreReportedOnce()
    {
        Assert.That(Check("""{"allOf":[{"type":"object"},{"type":"object"}]}""", "1"), Is.EqualTo(new[] { "x: (root): expected object, got integer" }));
    }

    [Test]
    public void ArrayKeywords()
    {
        Assert.That(Check("""{"minItems":2}""", "[1]"), Is.EqualTo(new[] { "x: (root): array has 1 items, fewer than the minimum 2" }));
        Assert.That(Check("""{"maxItems":1}""", "[1,2]"), Is.EqualTo(new[] { "x: (root): array has 2 items, more than the maximum 1" }));
        Assert.That(Check("""{"uniqueItems":true}""", """[1,{"a":[1]},1.0]"""), Is.EqualTo(new[] { "x: (root): items [0] and [2] are equal; items must be unique" }));
        Assert.That(Check("""{"uniqueItems":true}""", """[{"a":1,"b":2},{"b":2,"a":1.5}]"""), Is.Empty);
        const string tuple = """{"items":[{"type":"string"},{"type":"integer"}],"additionalItems":false}""";
        Assert.That(Check(tuple, """["a",1]"""), Is.Empty);
        Assert.That(Check(tuple, """[1,"a"]"""), Is.EqualTo(new[] { "x: [0]: expected string, got integer", "x: [1]: expected integer, got string" }));
        Assert.That(Check(tuple, """["a",1,2]"""), Is.EqualTo(new[] { "x: (root): array has 3 items, more than the 2 listed in \"items\"" }));
    }

    [Test]
    public void StringLengthCountsCodePoints()
    {
        Assert.That(Check("""{"maxLength":1}""", "\"\U0001F600\""), Is.Empty);
        Assert.That(Check("""{"minLength":2}""", "\"\U0001F600\""), Is.EqualTo(new[] { "x: (root): string has length 1, shorter than the minimum 2" }));
        Assert.That(Check("""{"maxLength":2}""", "\"abc\""), Is.EqualTo(new[] { "x: (root): string has length 3, longer than the maximum 2" }));
    }

    [Test]
    public void ObjectSizeKeywords()
    {
        Assert.That(Check("""{"minProperties":1}""", "{}"), Is.EqualTo(new[] { "x: (root): object has 0 properties, fewer than the minimum 1" }));
        Assert.That(Check("""{"maxProperties":1}""", """{"a":1,"b":2}"""), Is.EqualTo(new[] { "x: (root): object has 2 properties, more than the maximum 1" }));
    }

    [Test]
    public void EnumComparesJsonValues()
    {
        const string schema = """{"enum":[1,"a",{"k":[true]},null]}""";
        Assert.That(Check(schema, "1.0"), Is.Empty);
        Assert.That(Check(schema, """{"k":[true]}"""), Is.Empty);
        Assert.That(Check(schema, "null"), Is.Empty);
        Assert.That(Check(schema, "\"b\""), Is.EqualTo(new[] { """x: (root): value "b" is not one of [1,"a",{"k":[true]},null]""" }));
    }

    [Test]
    public void RefsResolveAcrossDocumentsAndRecurse()
    {
        var validator = Validator(
            ("main.json", """{"$ref":"sub/tree.json#/definitions/node"}"""),
            ("tree.json", """{"definitions":{"node":{"type":"object","required":["v"],"properties":{"v":{"$ref":"#/definitions/v"},"kids":{"type":"array","items":{"$ref":"#/definitions/node"}}}},"v":{"type":"integer"}}}"""));
        using var good = JsonDocument.Parse("""{"v":1,"kids":[{"v":2,"kids":[{"v":3}]}]}""");
        using var bad = JsonDocument.Parse("""{"v":1,"kids":[{"v":2,"kids":[{"v":"3"},{}]}]}""");
        Assert.That(validator.Validate("main.json", good.RootElement, "t"), Is.Empty);
        Assert.That(validator.Validate("main.json", bad.RootElement, "t"), Is.EqualTo(new[]
        {
            "t: kids[0].kids[0].v: expected integer, got string",
            """t: kids[0].kids[1]: required property "v" is missing""",
        }));
        Assert.That(validator.Validate("tree.json#/definitions/v", good.RootElement, "t"), Is.EqualTo(new[] { "t: (root): expected integer, got object" }));
    }

    [Test]
    public void RefIgnoresSiblingKeywordsAsInDraft4()
    {
        Assert.That(Check("""{"definitions":{"any":{}},"$ref":"#/definitions/any","type":"string"}""", "1"), Is.Empty);
    }

    [Test]
    public void BrokenSchemaReferencesAreReportedNotIgnored()
    {
        using var instance = JsonDocument.Parse("{}");
        var missingDocument = Validator(("a.json", """{"properties":{"p":{"$ref":"b.json#/x"}}}"""));
        Assert.Throws<InvalidOperationException>(() => missingDocument.Validate("a.json", instance.RootElement, "t"));
        var missingPointer = Validator(("a.json", """{"$ref":"#/definitions/nope"}"""));
        Assert.Throws<InvalidOperationException>(() => missingPointer.Validate("a.json", instance.RootElement, "t"));
        var loop = Validator(("a.json", """{"definitions":{"p":{"$ref":"#/definitions/q"},"q":{"$ref":"#/definitions/p"}},"$ref":"#/definitions/p"}"""));
        Assert.Throws<InvalidOperationException>(() => loop.Validate("a.json", instance.RootElement, "t"));
    }

    [Test]
    public void FormatAndUnknownKeywordsAreIgnored()
    {
        Assert.That(Check("""{"format":"ipv4","x-custom":1,"description":"d"}""", "\"not an ip\""), Is.Empty);
    }

    [Test]
    public void ValidatingTwiceGivesTheSameAnswer()
    {
        var validator = Validator(("s.json", """{"type":"object","required":["a"]}"""));
        using var document = JsonDocument.Parse("{}");
        var first = validator.Validate("s.json", document.RootElement, "t");
        var second = validator.Validate("s.json", document.RootElement, "t");
        Assert.That(second, Is.EqualTo(first).And.Count.EqualTo(1));
    }
}
