using System.Linq;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>The lazily parsed embedded schemas hold the same documents as the eager load.</summary>
public class EmbeddedSchemaDocumentsTests
{
    [Test]
    public void SameDocumentsAsTheEagerLoad()
    {
        var eager = SchemaValidator.LoadDocuments();
        var lazy = new EmbeddedSchemaDocuments();
        Assert.That(lazy.Keys.OrderBy(k => k), Is.EqualTo(eager.Keys.OrderBy(k => k)));
        Assert.That(lazy.Count, Is.EqualTo(eager.Count));
        foreach (var (name, document) in eager)
        {
            Assert.That(lazy.TryGetValue(name, out var parsed), Is.True, name);
            Assert.That(parsed!.RootElement.GetRawText(), Is.EqualTo(document.RootElement.GetRawText()), name);
        }
        Assert.That(lazy.TryGetValue("nope.json", out _), Is.False);
        Assert.That(lazy.TryGetValue("../config-schema.json", out _), Is.False);
    }
}
