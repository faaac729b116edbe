using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;

namespace OciRuntime.Tests.Operations;

public class SignalsTests
{
    [TestCase("KILL", 9)]
    [TestCase("SIGKILL", 9)]
    [TestCase("sigterm", 15)]
    [TestCase("TERM", 15)]
    [TestCase("9", 9)]
    [TestCase("USR1", 10)]
    [TestCase("SIGUSR2", 12)]
    [TestCase("WINCH", 28)]
    [TestCase("RTMIN", 34)]
    [TestCase("SIGRTMIN+3", 37)]
    [TestCase("RTMAX-1", 63)]
    [TestCase("64", 64)]
    public void ParsesNamesAndNumbers(string text, int expected) =>
        Assert.That(Signals.Parse(text), Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("65")]
    [TestCase("FOO")]
    [TestCase("SIGRTMIN+40")]
    [TestCase("-9")]
    public void RejectsOthers(string text) =>
        Assert.Throws<RuntimeException>(() => Signals.Parse(text));
}
