using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Init;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Spec;
using OciRuntime.Tests.Spec;

namespace OciRuntime.Tests.Init;

public class InitRequestCodecTests
{
    private static byte[] Raw(ContainerConfig c) => JsonSerializer.SerializeToUtf8Bytes(c, SpecJson.Default.ContainerConfig);

    private static string Json(ContainerConfig c) => JsonSerializer.Serialize(c, SpecJson.Default.ContainerConfig);

    private static InitRequest Full(ContainerConfig config, bool exec) => new()
    {
        Config = config,
        Bundle = "/run/bundles/b \"é\"",
        Rootfs = "/run/bundles/b/rootfs",
        NoPivot = true,
        NoNewKeyring = true,
        PreserveFds = 3,
        Id = "c1",
        HookState = """{"ociVersion":"1.3.0","id":"c1","status":"creating","pid":42,"bundle":"/b","annotations":{"k":"<v>"}}""",
        LastCap = 41,
        Seccomp = new SeccompFilter { Program = [.. Enumerable.Range(0, 8 * 300).Select(i => (byte)(i * 7))], Flags = 5 },
        Exec = exec,
        CgroupMembership = "12:memory:/ocirt/c1\n0::/ocirt/c1\n",
        UnshareCgroupNamespace = true,
        CgroupSelfJoin = ["/sys/fs/cgroup/cpu,cpuacct/c1/tasks", "/sys/fs/cgroup/memory/a \"b\"/tasks"],
        CgroupRuntimeJoin = true,
    };

    private static void AssertCarried(InitRequest sent, InitRequest received)
    {
        var info = InitRequestMetadata.Default.InitRequest;
        Assert.That(info.Properties, Has.Count.GreaterThan(10));
        foreach (var property in info.Properties)
        {
            var a = property.Get!(sent);
            var b = property.Get!(received);
            switch (a)
            {
                case ContainerConfig c:
                    Assert.That(Json((ContainerConfig)b!), Is.EqualTo(Json(c)), property.Name);
                    break;
                case SeccompFilter f:
                    Assert.That(((SeccompFilter)b!).Program, Is.EqualTo(f.Program), property.Name);
                    Assert.That(((SeccompFilter)b!).Flags, Is.EqualTo(f.Flags), property.Name);
                    break;
                default:
                    Assert.That(b, Is.EqualTo(a), property.Name);
                    break;
            }
        }
    }

    [Test]
    public void TheTestRequestSetsEveryField()
    {
        var sent = Full(MaximalConfig.Create(), exec: true);
        var empty = new InitRequest();
        foreach (var property in InitRequestMetadata.Default.InitRequest.Properties.Where(p => p.Name != "Config"))
            Assert.That(property.Get!(sent), Is.Not.EqualTo(property.Get!(empty)), $"{property.Name}: give it a value other than the default here, and carry it in InitRequestCodec");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void EveryFieldRoundTrips(bool exec)
    {
        var config = MaximalConfig.Create();
        var sent = Full(config, exec);
        AssertCarried(sent, InitRequestCodec.Decode(InitRequestCodec.Encode(sent, Raw(config))));
    }

    [Test]
    public void WithoutSeccompAndWithDefaults()
    {
        var config = DefaultSpec.Create(false, 0, 0);
        var sent = new InitRequest { Config = config, Bundle = "/b", Rootfs = "/b/rootfs", Id = "x" };
        var received = InitRequestCodec.Decode(InitRequestCodec.Encode(sent, Raw(config)));
        Assert.That(received.Seccomp, Is.Null);
        AssertCarried(sent, received);
    }

    [Test]
    public void TheConfigTravelsAsItsBytesAndDecodesAsTheBundlesDid()
    {
        // Written by hand (not by the serializer): spacing and an unknown field survive.
        var raw = Encoding.UTF8.GetBytes("{ \"ociVersion\" : \"1.3.0\", \"x-unknown\": [1, {}],\n \"process\": {\"cwd\": \"/\", \"args\": [\"true\"], \"user\": {\"uid\": 0, \"gid\": 0}}, \"root\": {\"path\": \"rootfs\"} }");
        var config = SpecReader.ReadConfig(raw);
        var received = InitRequestCodec.Decode(InitRequestCodec.Encode(new InitRequest { Config = config }, raw));
        Assert.That(Json(received.Config), Is.EqualTo(Json(config)));
        Assert.That(received.Config.Process!.Args, Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void UnknownFieldsAreSkipped()
    {
        var received = InitRequestCodec.Decode("""{"later":{"a":[1,2]},"id":"c","config":{"ociVersion":"1"},"cgroupPaths":{"pids":"/x"}}"""u8);
        Assert.That(received.Id, Is.EqualTo("c"));
        Assert.That(received.Config.OciVersion, Is.EqualTo("1"));
    }

    [TestCase("""{"preserveFds":"3"}""", "init request: preserveFds: expected an integer from -2147483648 to 2147483647, got a string")]
    [TestCase("""{"config":null}""", "init request: config: expected an object, got null")]
    [TestCase("""{"config":{"process":{"user":{"uid":-1}}}}""", "init request: config.process.user.uid: expected an integer from 0 to 4294967295, got -1")]
    [TestCase("""{"seccomp":{"program":"***"}}""", "init request: seccomp.program: ")]
    [TestCase("""{"id":null}""", "init request: id: expected a string, got null")]
    [TestCase("{", "init request: ")]
    public void MalformedRequestIsARuntimeError(string json, string error) =>
        Assert.That(() => InitRequestCodec.Decode(Encoding.UTF8.GetBytes(json)), Throws.TypeOf<RuntimeException>().With.Message.StartWith(error));

    [TestCase("ready", null)]
    [TestCase("error", "mount `/proc` on `/x`: \"quoted\" é \n next")]
    [TestCase("", "")]
    public void MessagesRoundTrip(string type, string? message)
    {
        var bytes = InitMessageCodec.Encode(new InitMessage { Type = type, Message = message });
        Assert.That(InitMessageCodec.Decode(bytes), Is.EqualTo(new InitMessage { Type = type, Message = message }));
        Assert.That(Encoding.UTF8.GetString(bytes).Contains("message"), Is.EqualTo(message is not null));
    }

    [Test]
    public void MessagesAreValidJsonForAnyText()
    {
        var texts = new[] { "quote \" backslash \\ slash /", "\u0000\u0001\u001f\u007f", "tab\tcr\rlf\n", "é ü 中 🙂", "<script>&'", "\ud800 lone high", "lone low \udc00", "\udbff\udfff" };
        foreach (var text in texts)
        {
            var bytes = InitMessageCodec.Encode(new InitMessage { Type = "error", Message = text });
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            var expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
            Assert.That(document.RootElement.GetProperty("message").GetString(), Is.EqualTo(expected), text);
            Assert.That(InitMessageCodec.Decode(bytes).Message, Is.EqualTo(expected), text);
        }
    }

    [Test]
    public void MessageFromTheOtherSideDecodes() =>
        Assert.That(InitMessageCodec.Decode("""{"message":"m","type":"hooks-done","extra":1}"""u8), Is.EqualTo(new InitMessage { Type = "hooks-done", Message = "m" }));
}
