using System.Text;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>The exact one-line errors the runtime prints for a bad config.json, state or features document.</summary>
public class SchemaErrorMessageTests
{
    private static string[] Config(string json) => [.. SchemaValidator.ValidateConfig(Encoding.UTF8.GetBytes(json))];

    [Test]
    public void UnknownNamespaceTypeNamesTheElementAndTheAllowedValues()
    {
        var errors = Config("""{"ociVersion":"1.3.0","linux":{"namespaces":[{"type":"pid"},{"type":"mount"},{"type":"foo"}]}}""");
        Assert.That(errors, Is.EqualTo(new[]
        {
            """config.json: linux.namespaces[2].type: value "foo" is not one of ["pid","network","mount","ipc","uts","user","cgroup","time"]""",
        }));
    }

    [Test]
    public void MissingRequiredPropertyIsReportedAtItsParent()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","root":{"readonly":true}}"""),
            Is.EqualTo(new[] { """config.json: root: required property "path" is missing""" }));
    }

    [Test]
    public void MissingOciVersionIsReportedAtTheRoot()
    {
        Assert.That(Config("{}"), Is.EqualTo(new[] { """config.json: (root): required property "ociVersion" is missing""" }));
    }

    [Test]
    public void WrongTypeSaysWhatWasExpectedAndWhatCame()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","process":{"cwd":"/","args":"/bin/sh"}}"""),
            Is.EqualTo(new[] { "config.json: process.args: expected array, got string" }));
        Assert.That(Config("""{"ociVersion":"1.3.0","process":{"cwd":"/","user":{"uid":1.5}}}"""),
            Is.EqualTo(new[] { "config.json: process.user.uid: expected integer, got number" }));
    }

    [Test]
    public void BoundsAreExactAtTheEdgesOfUint64AndInt64()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","process":{"cwd":"/","user":{"uid":-1}}}"""),
            Is.EqualTo(new[] { "config.json: process.user.uid: -1 is less than the minimum 0" }));
        Assert.That(Config("""{"ociVersion":"1.3.0","process":{"cwd":"/","rlimits":[{"type":"RLIMIT_CORE","soft":0,"hard":18446744073709551616}]}}"""),
            Is.EqualTo(new[] { "config.json: process.rlimits[0].hard: 18446744073709551616 is greater than the maximum 18446744073709551615" }));
        Assert.That(Config("""{"ociVersion":"1.3.0","linux":{"resources":{"memory":{"limit":-9223372036854775809}}}}"""),
            Is.EqualTo(new[] { "config.json: linux.resources.memory.limit: -9223372036854775809 is less than the minimum -9223372036854775808" }));
        Assert.That(Config("""{"ociVersion":"1.3.0","process":{"cwd":"/","rlimits":[{"type":"RLIMIT_CORE","soft":18446744073709551615,"hard":18446744073709551615}]}}"""),
            Is.Empty);
    }

    [Test]
    public void PatternFailureQuotesValueAndPattern()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","linux":{"resources":{"hugepageLimits":[{"pageSize":"64kB","limit":1}]}}}"""),
            Is.EqualTo(new[] { """config.json: linux.resources.hugepageLimits[0].pageSize: value "64kB" does not match the pattern "^[1-9][0-9]*[KMG]B$" """.TrimEnd() }));
    }

    [Test]
    public void KeysThatAreNotIdentifiersAreQuotedInThePath()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","linux":{"sysctl":{"net.ipv4.ip_forward":1}},"annotations":{"a b":[]}}"""),
            Is.EqualTo(new[]
            {
                """config.json: linux.sysctl["net.ipv4.ip_forward"]: expected string, got integer""",
                """config.json: annotations["a b"]: expected string, got array""",
            }));
    }

    [Test]
    public void ErrorsFollowDocumentOrderNotSchemaOrder()
    {
        var errors = Config("""{"process":{"cwd":1},"linux":{"namespaces":[{"type":"x"},{}]},"root":{}}""");
        Assert.That(errors, Is.EqualTo(new[]
        {
            """config.json: (root): required property "ociVersion" is missing""",
            "config.json: process.cwd: expected string, got integer",
            """config.json: linux.namespaces[0].type: value "x" is not one of ["pid","network","mount","ipc","uts","user","cgroup","time"]""",
            """config.json: linux.namespaces[1]: required property "type" is missing""",
            """config.json: root: required property "path" is missing""",
        }));
    }

    [Test]
    public void MinItemsNamesTheCount()
    {
        Assert.That(Config("""{"ociVersion":"1.3.0","linux":{"seccomp":{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":[],"action":"SCMP_ACT_LOG"}]}}}"""),
            Is.EqualTo(new[] { "config.json: linux.seccomp.syscalls[0].names: array has 0 items, fewer than the minimum 1" }));
    }

    [Test]
    public void LongValuesAreShortenedToKeepOneLine()
    {
        string longName = new('x', 200);
        var errors = Config("{\"ociVersion\":\"1.3.0\",\"linux\":{\"rootfsPropagation\":\"" + longName + "\"}}");
        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("config.json: linux.rootfsPropagation: value \"xxxx"));
        Assert.That(errors[0], Does.Contain("...").And.Length.LessThan(200));
    }

    [TestCase("{]", 1, 2, "unexpected character ']'")]
    [TestCase("{", 1, 2, "unexpected end of input")]
    [TestCase("", 1, 1, "unexpected end of input")]
    [TestCase("{\n  \"ociVersion\": \"1.3.0\",\n  \"root\": {\"path\": \"rootfs\",}\n}", 3, 29, "unexpected character '}'")]
    [TestCase("{\"ociVersion\":\"1.3.0\"} x", 1, 24, "unexpected character 'x'")]
    public void InvalidJsonGivesOneErrorWithLineAndByte(string json, int line, int column, string reason)
    {
        Assert.That(Config(json), Is.EqualTo(new[] { $"config.json: invalid JSON at line {line}, byte {column}: {reason}" }));
    }

    [Test]
    public void TooDeepNestingIsNamedAsSuch()
    {
        string json = "{\"ociVersion\":\"1.3.0\",\"x\":" + new string('[', 70) + new string(']', 70) + "}";
        var errors = Config(json);
        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("config.json: invalid JSON at line 1, byte ").And.EndWith(": nesting deeper than 64 levels"));
    }

    [Test]
    public void StateErrorsUseTheStateLabel()
    {
        var errors = SchemaValidator.ValidateState(Encoding.UTF8.GetBytes("""{"ociVersion":"1.3.0","id":"c1","status":"paused","pid":-4,"bundle":"/b"}"""));
        Assert.That(errors, Is.EqualTo(new[]
        {
            """state.json: status: value "paused" is not one of ["creating","created","running","stopped"]""",
            "state.json: pid: -4 is less than the minimum 0",
        }));
        Assert.That(SchemaValidator.ValidateState(Encoding.UTF8.GetBytes("""{"ociVersion":"1.3.0","id":"c1","status":"running","pid":42,"bundle":"/b"}""")), Is.Empty);
    }

    [Test]
    public void FeaturesErrorsUseTheFeaturesLabel()
    {
        Assert.That(SchemaValidator.ValidateFeatures(Encoding.UTF8.GetBytes("""{"ociVersionMin":"1.0.0","linux":{"capabilities":["cap_kill"]}}""")),
            Is.EqualTo(new[]
            {
                """features.json: (root): required property "ociVersionMax" is missing""",
                """features.json: linux.capabilities[0]: value "cap_kill" does not match the pattern "^CAP_[A-Z_]+$" """.TrimEnd(),
            }));
    }

    [Test]
    public void OfficialBadFixturesFailForTheDocumentedReason()
    {
        string dir = System.IO.Path.Combine(SchemaTestFiles.OfficialSchemaDir, "test", "config", "bad");
        Assert.Multiple(() =>
        {
            Assert.That(SchemaTestFiles.ValidateFile(SchemaTestFiles.Project, "config-schema.json", System.IO.Path.Combine(dir, "linux-netdevice.json")),
                Is.EqualTo(new[] { "linux-netdevice.json: linux.netDevices.eth0.name: expected string, got integer" }));
            Assert.That(SchemaTestFiles.ValidateFile(SchemaTestFiles.Project, "config-schema.json", System.IO.Path.Combine(dir, "linux-rdma.json")),
                Is.EqualTo(new[] { "linux-rdma.json: linux.resources.rdma.mlx5_1.hcaHandles: expected integer, got string" }));
            Assert.That(SchemaTestFiles.ValidateFile(SchemaTestFiles.Official, "config-schema.json", System.IO.Path.Combine(dir, "freebsd-vnet-disable.json")),
                Has.Count.EqualTo(1).And.One.StartsWith("freebsd-vnet-disable.json: freebsd.jail.vnet: value \"disable\" is not one of"));
        });
    }
}
