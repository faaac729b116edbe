using System.IO;
using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>The schemas the runtime ships are the project's own, embedded whole, fixtures left out.</summary>
public class SchemaEmbeddingTests
{
    [Test]
    public void EveryTopLevelSchemaIsEmbeddedAndNoFixture()
    {
        var embedded = SchemaValidator.LoadDocuments().Keys.Order().ToArray();
        var onDisk = Directory.GetFiles(Path.Combine(SchemaTestFiles.RepoRoot, "schemas"), "*.json").Select(Path.GetFileName).Order().ToArray();
        Assert.That(embedded, Is.EqualTo(onDisk));
        Assert.That(embedded, Is.EquivalentTo(new[]
        {
            "config-schema.json", "config-linux.json", "defs.json", "defs-linux.json",
            "state-schema.json", "features-schema.json", "features-linux.json",
        }));
    }

    [Test]
    public void EmbeddedTextsAreTheFilesByteForByte()
    {
        foreach (var name in SchemaTexts.Names)
            Assert.That(SchemaTexts.Get(name).ToArray(), Is.EqualTo(File.ReadAllBytes(Path.Combine(SchemaTestFiles.RepoRoot, "schemas", name))), name);
        Assert.That(SchemaTexts.Get("config.json").IsEmpty, Is.True);
        Assert.That(SchemaTexts.Get("../schemas/defs.json").IsEmpty, Is.True);
    }

    [Test]
    public void ProjectSchemasAreNotCopiesOfTheOfficialOnes()
    {
        foreach (string name in SchemaValidator.LoadDocuments().Keys)
        {
            string official = Path.Combine(SchemaTestFiles.OfficialSchemaDir, name);
            if (File.Exists(official))
            {
                string ours = File.ReadAllText(Path.Combine(SchemaTestFiles.RepoRoot, "schemas", name));
                Assert.That(ours, Is.Not.EqualTo(File.ReadAllText(official)), name);
            }
        }
    }

    [Test]
    public void EveryProjectSchemaReferenceResolves()
    {
        var validator = new JsonSchemaValidator(SchemaValidator.LoadDocuments());
        using var empty = System.Text.Json.JsonDocument.Parse("{}");
        foreach (string root in new[] { "config-schema.json", "state-schema.json", "features-schema.json", "config-linux.json#/definitions/linux", "features-linux.json#/definitions/linux" })
        {
            Assert.DoesNotThrow(() => validator.Validate(root, empty.RootElement, "t"), root);
        }
    }
}
