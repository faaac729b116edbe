using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The embedded schema files (<see cref="SchemaTexts"/>), each parsed when
/// the compiler first asks for it: validating a config never needs the
/// state or features schemas.
/// </summary>
internal sealed class EmbeddedSchemaDocuments : IReadOnlyDictionary<string, JsonDocument>
{
    private readonly Dictionary<string, JsonDocument> _parsed = new(StringComparer.Ordinal);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonDocument value)
    {
        if (_parsed.TryGetValue(key, out value))
            return true;
        var text = SchemaTexts.Get(key);
        if (text.IsEmpty)
            return false;
        value = JsonDocument.Parse(text.ToArray());
        _parsed.Add(key, value);
        return true;
    }

    public JsonDocument this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => !SchemaTexts.Get(key).IsEmpty;

    public IEnumerable<string> Keys => SchemaTexts.Names;

    public IEnumerable<JsonDocument> Values
    {
        get
        {
            foreach (var key in Keys)
                yield return this[key];
        }
    }

    public int Count => SchemaTexts.Names.Length;

    public IEnumerator<KeyValuePair<string, JsonDocument>> GetEnumerator()
    {
        foreach (var key in Keys)
            yield return new(key, this[key]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
