using NUnit.Framework;
using OciRuntime.Cli;

namespace OciRuntime.Tests.Cli;

public class ArgParserTests
{
    private static readonly FlagSpec[] Specs =
    [
        new(["bundle", "b"], true, "bundle"),
        new(["detach", "d"], false, "detach"),
        new(["preserve-fds"], true, "fds"),
    ];

    [TestCase(new[] { "--bundle", "/b", "id" }, "/b")]
    [TestCase(new[] { "--bundle=/b", "id" }, "/b")]
    [TestCase(new[] { "-b", "/b", "id" }, "/b")]
    [TestCase(new[] { "-bundle", "/b", "id" }, "/b")]
    public void AcceptsTheSpellingsRuncAccepts(string[] args, string bundle)
    {
        var parsed = ArgParser.Parse(args, Specs, "create", out _);
        Assert.That(parsed.Value("bundle"), Is.EqualTo(bundle));
        Assert.That(parsed.Positional, Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public void BooleanFlagsTakeNoValueUnlessInline()
    {
        Assert.That(ArgParser.Parse(["-d", "id"], Specs, "run", out _).Bool("detach"), Is.True);
        Assert.That(ArgParser.Parse(["--detach=false", "id"], Specs, "run", out _).Bool("detach"), Is.False);
        Assert.That(ArgParser.Parse(["id"], Specs, "run", out _).Bool("detach"), Is.False);
    }

    [Test]
    public void EverythingAfterTheFirstPositionalIsPositional()
    {
        var parsed = ArgParser.Parse(["id", "--detach", "KILL"], Specs, "kill", out _);
        Assert.That(parsed.Positional, Is.EqualTo(new[] { "id", "--detach", "KILL" }));
        Assert.That(parsed.Has("detach"), Is.False);
    }

    [Test]
    public void DoubleDashEndsTheFlags()
    {
        var parsed = ArgParser.Parse(["--", "-d"], Specs, "run", out _);
        Assert.That(parsed.Positional, Is.EqualTo(new[] { "-d" }));
    }

    [Test]
    public void GlobalParsingStopsAtTheCommand()
    {
        var parsed = ArgParser.Parse(["--bundle", "x", "state", "--bundle", "y"], Specs, "", out int used, stopAtPositional: true);
        Assert.That(used, Is.EqualTo(2));
        Assert.That(parsed.Value("bundle"), Is.EqualTo("x"));
        Assert.That(parsed.Positional, Is.Empty);
    }

    [Test]
    public void UnknownFlagIsAUsageErrorNamingIt()
    {
        var e = Assert.Throws<UsageException>(() => ArgParser.Parse(["--nope", "id"], Specs, "create", out _));
        Assert.That(e!.Message, Does.StartWith("flag provided but not defined: -nope"));
    }

    [Test]
    public void MissingValueIsAUsageError()
    {
        var e = Assert.Throws<UsageException>(() => ArgParser.Parse(["--bundle"], Specs, "create", out _));
        Assert.That(e!.Message, Is.EqualTo("flag needs an argument: -bundle"));
    }

    [TestCase("3", 3)]
    [TestCase(null, 0)]
    public void IntegerFlags(string? value, int expected)
    {
        var args = value is null ? new[] { "id" } : new[] { "--preserve-fds", value, "id" };
        Assert.That(ArgParser.Parse(args, Specs, "create", out _).Int("preserve-fds", 0), Is.EqualTo(expected));
    }

    [TestCase("-1")]
    [TestCase("x")]
    public void BadIntegerIsAUsageError(string value)
    {
        var parsed = ArgParser.Parse(["--preserve-fds", value, "id"], Specs, "create", out _);
        Assert.Throws<UsageException>(() => parsed.Int("preserve-fds", 0));
    }
}
