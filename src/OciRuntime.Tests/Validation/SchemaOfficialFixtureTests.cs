using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace OciRuntime.Tests.Validation;

/// <summary>
/// The validator itself, judged with the official runtime-spec schemas on
/// their own good/bad fixtures (every platform), and the project's schemas
/// judged against the official verdicts on the Linux-relevant fixtures.
/// </summary>
public class SchemaOfficialFixtureTests
{
    public static IEnumerable<TestCaseData> AllFixtures() =>
        SchemaTestFiles.OfficialFixtures().Select(f =>
            new TestCaseData(f.Kind, f.Good, f.File).SetName($"Official {f.Kind}/{(f.Good ? "good" : "bad")}/{Path.GetFileName(f.File)}"));

    public static IEnumerable<TestCaseData> LinuxFixtures() =>
        SchemaTestFiles.OfficialFixtures().Where(f => SchemaTestFiles.IsLinuxRelevant(f.File)).Select(f =>
            new TestCaseData(f.Kind, f.Good, f.File).SetName($"Project agrees {f.Kind}/{(f.Good ? "good" : "bad")}/{Path.GetFileName(f.File)}"));

    [TestCaseSource(nameof(AllFixtures))]
    public void OfficialSchemaGivesTheFixtureVerdict(string kind, bool good, string file)
    {
        var errors = SchemaTestFiles.ValidateFile(SchemaTestFiles.Official, SchemaTestFiles.RootDocumentFor(kind), file);
        if (good)
        {
            Assert.That(errors, Is.Empty);
        }
        else
        {
            Assert.That(errors, Is.Not.Empty);
        }
    }

    [TestCaseSource(nameof(LinuxFixtures))]
    public void ProjectSchemaGivesTheOfficialVerdict(string kind, bool good, string file)
    {
        string root = SchemaTestFiles.RootDocumentFor(kind);
        var official = SchemaTestFiles.ValidateFile(SchemaTestFiles.Official, root, file);
        var project = SchemaTestFiles.ValidateFile(SchemaTestFiles.Project, root, file);
        Assert.That(project.Count == 0, Is.EqualTo(official.Count == 0), string.Join("\n", official.Concat(project)));
        Assert.That(project.Count == 0, Is.EqualTo(good));
    }

    [Test]
    public void FixtureSetsAreWhereExpected()
    {
        var all = SchemaTestFiles.OfficialFixtures().ToList();
        Assert.That(all.Count(f => f.Good), Is.GreaterThanOrEqualTo(10));
        Assert.That(all.Count(f => !f.Good), Is.GreaterThanOrEqualTo(5));
        Assert.That(all.Count(f => !SchemaTestFiles.IsLinuxRelevant(f.File)), Is.GreaterThanOrEqualTo(4));
    }
}
