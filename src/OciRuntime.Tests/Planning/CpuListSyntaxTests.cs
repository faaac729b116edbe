using System.Text.RegularExpressions;
using NUnit.Framework;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.Planning;

/// <summary>cpuset lists ("0-3,5"): the hand-written check against the regular expression it replaced.</summary>
public class CpuListSyntaxTests
{
    private static readonly Regex Old = new(@"^\s*([0-9]+(-[0-9]+)?(\s*,\s*[0-9]+(-[0-9]+)?)*)?\s*$", RegexOptions.ECMAScript);

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("0")]
    [TestCase("0-3")]
    [TestCase("0-3,5")]
    [TestCase(" 0 , 2-4 ,7 ")]
    [TestCase("0,,1")]
    [TestCase(",")]
    [TestCase("0-")]
    [TestCase("-1")]
    [TestCase("0-1-2")]
    [TestCase("0 - 1")]
    [TestCase("a")]
    [TestCase("1,")]
    [TestCase(",1")]
    [TestCase("٣")]
    [TestCase("0-3\t,\t5")]
    public void SameVerdictAsThePattern(string list) =>
        Assert.That(CgroupPlanBuilder.IsCpuList(list), Is.EqualTo(Old.IsMatch(list)), list);

    [Test]
    public void LongListsAreAccepted()
    {
        var list = string.Join(",", System.Linq.Enumerable.Range(0, 4096));
        Assert.That(CgroupPlanBuilder.IsCpuList(list), Is.True);
    }
}
