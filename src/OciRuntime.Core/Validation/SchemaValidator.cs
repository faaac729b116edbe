using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// Validates config.json, state.json and features output against the
/// project's runtime-spec 1.3 schemas (schemas/*.json, compiled in as
/// <see cref="SchemaTexts"/>). The schemas are parsed and compiled once per
/// process, on first use.
/// </summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchemaValidator> Shared = new(Load);

    /// <summary>Errors as <c>config.json: path: rule</c>; empty when the config is valid.</summary>
    public static IReadOnlyList<string> ValidateConfig(ReadOnlySpan<byte> utf8Json) =>
        Shared.Value.Validate("config-schema.json", utf8Json, "config.json");

    public static IReadOnlyList<string> ValidateState(ReadOnlySpan<byte> utf8Json) =>
        Shared.Value.Validate("state-schema.json", utf8Json, "state.json");

    public static IReadOnlyList<string> ValidateFeatures(ReadOnlySpan<byte> utf8Json) =>
        Shared.Value.Validate("features-schema.json", utf8Json, "features.json");

    /// <summary>The embedded schema documents keyed by file name.</summary>
    internal static IReadOnlyDictionary<string, JsonDocument> LoadDocuments()
    {
        var documents = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        foreach (string name in SchemaTexts.Names)
            documents.Add(name, JsonDocument.Parse(SchemaTexts.Get(name).ToArray()));
        return documents;
    }

    // Refs resolve lazily: the embedded set is checked whole by its tests (SchemaEmbeddingTests).
    private static JsonSchemaValidator Load() => new(new EmbeddedSchemaDocuments(), lazyRefs: true);
}
