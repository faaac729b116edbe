using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;

namespace OciRuntime.Tests.ProcessAttributes;

public class CpuListTests
{
    [TestCase("0", new ulong[] { 0x1 })]
    [TestCase("0-3,7", new ulong[] { 0x8f })]
    [TestCase(" 2 , 4-5 ", new ulong[] { 0x34 })]
    [TestCase("63", new ulong[] { 0x8000000000000000 })]
    [TestCase("1,64-65", new ulong[] { 0x2, 0x3 })]
    [TestCase("3-3,3", new ulong[] { 0x8 })]
    public void Parses(string list, ulong[] expected) => Assert.That(CpuList.Parse(list, "x"), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void BlankIsUnset(string? list) => Assert.That(CpuList.Parse(list, "x"), Is.Null);

    [TestCase("3-1", "where: invalid range \"3-1\" in \"3-1\"")]
    [TestCase("1,,2", "where: invalid cpu list \"1,,2\"")]
    [TestCase("-1", "where: invalid cpu list \"-1\"")]
    [TestCase("a", "where: invalid cpu list \"a\"")]
    [TestCase("0-", "where: invalid cpu list \"0-\"")]
    [TestCase("1024", "where: cpu 1024 in \"1024\" is above the supported maximum 1023")]
    public void RefusesMalformedLists(string list, string message) =>
        Assert.That(Assert.Throws<RuntimeException>(() => CpuList.Parse(list, "where"))!.Message, Is.EqualTo(message));
}
