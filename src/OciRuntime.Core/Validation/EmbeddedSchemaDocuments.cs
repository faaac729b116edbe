using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The embedded schema files (resources named <c>schemas/&lt;file&gt;</c>),
/// each parsed when the compiler first asks for it: validating a config
/// never needs the state or features schemas.
/// </summary>
internal sealed class EmbeddedSchemaDocuments : IReadOnlyDictionary<string, JsonDocument>
{
    private const string ResourcePrefix = "schemas/";

    private readonly Assembly _assembly = typeof(EmbeddedSchemaDocuments).Assembly;
    private readonly Dictionary<string, JsonDocument> _parsed = new(StringComparer.Ordinal);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonDocument value)
    {
        if (_parsed.TryGetValue(key, out value))
            return true;
        using var stream = key.Contains('/') ? null : _assembly.GetManifestResourceStream(ResourcePrefix + key);
        if (stream is null)
            return false;
        value = JsonDocument.Parse(stream);
        _parsed.Add(key, value);
        return true;
    }

    public JsonDocument this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var name in _assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                    yield return name[ResourcePrefix.Length..];
            }
        }
    }

    public IEnumerable<JsonDocument> Values
    {
        get
        {
            foreach (var key in Keys)
                yield return this[key];
        }
    }

    public int Count
    {
        get
        {
            int n = 0;
            foreach (var _ in Keys)
                n++;
            return n;
        }
    }

    public IEnumerator<KeyValuePair<string, JsonDocument>> GetEnumerator()
    {
        foreach (var key in Keys)
            yield return new(key, this[key]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
