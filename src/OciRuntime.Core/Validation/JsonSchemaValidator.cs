using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// A JSON Schema draft-04 validator over <see cref="JsonElement"/> for the
/// keywords the runtime-spec schemas use: type, $ref, properties,
/// patternProperties, additionalProperties, required, min/maxProperties,
/// items, additionalItems, min/maxItems, uniqueItems, min/maxLength, pattern,
/// minimum, maximum (exact over the whole int64/uint64 range), exclusive
/// bounds, enum, allOf, anyOf, oneOf, not. <c>format</c> is ignored.
/// Errors are one line each, <c>label: path: rule</c>, in document order.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly JsonSchemaCompiler _compiler;
    private readonly Dictionary<string, JsonSchemaNode> _roots = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private readonly bool _lazyRefs;

    /// <param name="documents">Schema documents keyed by file name, as cross-file <c>$ref</c>s name them.</param>
    /// <param name="lazyRefs">
    /// Compile a <c>$ref</c> target only when validation reaches it, so a
    /// broken ref in a part no instance uses goes unnoticed: for schema sets
    /// checked whole elsewhere (the embedded ones, by their tests). Otherwise
    /// every ref is resolved when a root is first used.
    /// </param>
    public JsonSchemaValidator(IReadOnlyDictionary<string, JsonDocument> documents, bool lazyRefs = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _compiler = new JsonSchemaCompiler(documents);
        _lazyRefs = lazyRefs;
    }

    /// <summary>
    /// Validates <paramref name="instance"/> against <paramref name="rootDocument"/>
    /// (a file name, optionally with a <c>#/pointer</c>). Returns no errors when valid.
    /// </summary>
    public IReadOnlyList<string> Validate(string rootDocument, JsonElement instance, string label)
    {
        var root = Root(rootDocument);
        var errors = new List<JsonSchemaError>();
        Check(root, instance, JsonSchemaInstancePath.Root, errors);
        return errors.Count == 0 ? [] : Format(errors, label);
    }

    /// <summary>Parses UTF-8 JSON and validates it; malformed JSON yields one error with line and byte (both 1-based).</summary>
    public IReadOnlyList<string> Validate(string rootDocument, ReadOnlySpan<byte> utf8Json, string label)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            long line = e.LineNumber ?? 0;
            long column = e.BytePositionInLine ?? 0;
            return [$"{label}: invalid JSON at line {line + 1}, byte {column + 1}: {DescribeSyntaxError(utf8Json, line, column)}"];
        }
        // Not disposed: giving the document's rented buffers back to
        // ArrayPool<byte>.Shared would set up its per-core stacks (and time
        // the processor-id cache), which in a runtime process that validates
        // one config and exits costs more than leaving them to the GC.
        return Validate(rootDocument, document.RootElement, label);
    }

    private JsonSchemaNode Root(string rootDocument)
    {
        lock (_gate)
        {
            if (!_roots.TryGetValue(rootDocument, out var root))
            {
                root = _compiler.Compile(rootDocument);
                if (!_lazyRefs)
                {
                    _compiler.ResolveAll();
                }
                _roots.Add(rootDocument, root);
            }
            return root;
        }
    }

    private static void Check(JsonSchemaNode node, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        node = JsonSchemaCompiler.Target(node);
        if (node.Types != JsonSchemaTypes.None && !HasType(node.Types, value))
        {
            errors.Add(new(path, $"expected {JsonSchemaText.TypeNames(node.Types)}, got {JsonSchemaText.TypeName(value)}"));
            return;
        }
        if (node.Enum is not null && !IsOneOf(node.Enum, value))
        {
            errors.Add(new(path, $"value {JsonSchemaText.Value(value)} is not one of {JsonSchemaText.List(node.Enum)}"));
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(node, value, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(node, value, path, errors);
                break;
            case JsonValueKind.String:
                CheckString(node, value, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(node, value, path, errors);
                break;
        }
        if (node.AllOf is not null)
        {
            foreach (var branch in node.AllOf)
            {
                Check(branch, value, path, errors);
            }
        }
        if (node.AnyOf is not null)
        {
            CheckAnyOf(node.AnyOf, value, path, errors);
        }
        if (node.OneOf is not null)
        {
            CheckOneOf(node.OneOf, value, path, errors);
        }
        if (node.Not is not null)
        {
            var scratch = new List<JsonSchemaError>();
            Check(node.Not, value, path, scratch);
            if (scratch.Count == 0)
            {
                errors.Add(new(path, "value must not match the \"not\" schema"));
            }
        }
    }

    private static bool HasType(JsonSchemaTypes types, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => (types & JsonSchemaTypes.Object) != 0,
        JsonValueKind.Array => (types & JsonSchemaTypes.Array) != 0,
        JsonValueKind.String => (types & JsonSchemaTypes.String) != 0,
        JsonValueKind.Number => (types & JsonSchemaTypes.Number) != 0
            || ((types & JsonSchemaTypes.Integer) != 0 && JsonSchemaNumber.IsInteger(JsonMarshal.GetRawUtf8Value(value))),
        JsonValueKind.True or JsonValueKind.False => (types & JsonSchemaTypes.Boolean) != 0,
        _ => (types & JsonSchemaTypes.Null) != 0,
    };

    private static bool IsOneOf(JsonElement[] allowed, JsonElement value)
    {
        foreach (var candidate in allowed)
        {
            if (value.ValueKind == JsonValueKind.String && candidate.ValueKind == JsonValueKind.String)
            {
                if (value.ValueEquals(candidate.GetString()))
                {
                    return true;
                }
            }
            else if (JsonElement.DeepEquals(candidate, value))
            {
                return true;
            }
        }
        return false;
    }

    private static void CheckObject(JsonSchemaNode node, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        if (node.Required is not null)
        {
            foreach (string name in node.Required)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add(new(path, $"required property {JsonSchemaText.Quote(name)} is missing"));
                }
            }
        }
        if (node.MinProperties is not null || node.MaxProperties is not null)
        {
            int count = 0;
            foreach (var _ in value.EnumerateObject())
            {
                count++;
            }
            if (count < node.MinProperties)
            {
                errors.Add(new(path, $"object has {count} properties, fewer than the minimum {node.MinProperties}"));
            }
            if (count > node.MaxProperties)
            {
                errors.Add(new(path, $"object has {count} properties, more than the maximum {node.MaxProperties}"));
            }
        }
        if (node.Properties is null && node.PatternProperties is null && node.AdditionalProperties is null && node.AdditionalPropertiesAllowed)
        {
            return;
        }
        int ordinal = 0;
        foreach (var property in value.EnumerateObject())
        {
            string name = property.Name;
            JsonSchemaInstancePath? child = null;
            bool matched = false;
            if (node.Properties is not null && node.Properties.TryGetValue(name, out var schema))
            {
                child = path.Property(name, ordinal);
                Check(schema, property.Value, child, errors);
                matched = true;
            }
            if (node.PatternProperties is not null)
            {
                foreach (var (pattern, _, patternSchema) in node.PatternProperties)
                {
                    if (pattern.IsMatch(name))
                    {
                        child ??= path.Property(name, ordinal);
                        Check(patternSchema, property.Value, child, errors);
                        matched = true;
                    }
                }
            }
            if (!matched)
            {
                if (!node.AdditionalPropertiesAllowed)
                {
                    errors.Add(new(path, $"property {JsonSchemaText.Quote(name)} is not allowed"));
                }
                else if (node.AdditionalProperties is not null)
                {
                    Check(node.AdditionalProperties, property.Value, path.Property(name, ordinal), errors);
                }
            }
            ordinal++;
        }
    }

    private static void CheckArray(JsonSchemaNode node, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        int length = value.GetArrayLength();
        if (length < node.MinItems)
        {
            errors.Add(new(path, $"array has {length} items, fewer than the minimum {node.MinItems}"));
        }
        if (length > node.MaxItems)
        {
            errors.Add(new(path, $"array has {length} items, more than the maximum {node.MaxItems}"));
        }
        if (node.UniqueItems)
        {
            CheckUnique(value, path, errors);
        }
        if (node.Items is null && node.TupleItems is null)
        {
            return;
        }
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (node.TupleItems is null)
            {
                Check(node.Items!, item, path.Item(index), errors);
            }
            else if (index < node.TupleItems.Length)
            {
                Check(node.TupleItems[index], item, path.Item(index), errors);
            }
            else if (!node.AdditionalItemsAllowed)
            {
                errors.Add(new(path, $"array has {length} items, more than the {node.TupleItems.Length} listed in \"items\""));
                break;
            }
            else if (node.AdditionalItems is not null)
            {
                Check(node.AdditionalItems, item, path.Item(index), errors);
            }
            index++;
        }
    }

    private static void CheckUnique(JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        int length = value.GetArrayLength();
        for (int i = 0; i < length; i++)
        {
            for (int j = i + 1; j < length; j++)
            {
                if (JsonElement.DeepEquals(value[i], value[j]))
                {
                    errors.Add(new(path, $"items [{i}] and [{j}] are equal; items must be unique"));
                    return;
                }
            }
        }
    }

    private static void CheckString(JsonSchemaNode node, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        if (node.Pattern is null && node.MinLength is null && node.MaxLength is null)
        {
            return;
        }
        string text = value.GetString()!;
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            // Draft-04 counts characters, i.e. code points, not UTF-16 units.
            int length = text.Length;
            for (int i = 0; i + 1 < text.Length; i++)
            {
                if (char.IsSurrogatePair(text[i], text[i + 1]))
                {
                    length--;
                    i++;
                }
            }
            if (length < node.MinLength)
            {
                errors.Add(new(path, $"string has length {length}, shorter than the minimum {node.MinLength}"));
            }
            if (length > node.MaxLength)
            {
                errors.Add(new(path, $"string has length {length}, longer than the maximum {node.MaxLength}"));
            }
        }
        if (node.Pattern is not null && !node.Pattern.IsMatch(text))
        {
            errors.Add(new(path, $"value {JsonSchemaText.Value(value)} does not match the pattern {JsonSchemaText.Quote(node.PatternSource!)}"));
        }
    }

    private static void CheckNumber(JsonSchemaNode node, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        if (node.Minimum is null && node.Maximum is null)
        {
            return;
        }
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (node.Minimum is not null)
        {
            int compared = JsonSchemaNumber.Compare(raw, node.Minimum);
            if (compared < 0 || (compared == 0 && node.ExclusiveMinimum))
            {
                string bound = System.Text.Encoding.UTF8.GetString(node.Minimum);
                errors.Add(new(path, node.ExclusiveMinimum
                    ? $"{JsonSchemaText.Value(value)} is not greater than the exclusive minimum {bound}"
                    : $"{JsonSchemaText.Value(value)} is less than the minimum {bound}"));
            }
        }
        if (node.Maximum is not null)
        {
            int compared = JsonSchemaNumber.Compare(raw, node.Maximum);
            if (compared > 0 || (compared == 0 && node.ExclusiveMaximum))
            {
                string bound = System.Text.Encoding.UTF8.GetString(node.Maximum);
                errors.Add(new(path, node.ExclusiveMaximum
                    ? $"{JsonSchemaText.Value(value)} is not less than the exclusive maximum {bound}"
                    : $"{JsonSchemaText.Value(value)} is greater than the maximum {bound}"));
            }
        }
    }

    /// <summary>
    /// "No branch matched" tells the user nothing; the branch whose errors
    /// reach deepest into the value is the one the author most likely meant,
    /// so its errors are reported (the first such branch on a tie).
    /// </summary>
    private static void CheckAnyOf(JsonSchemaNode[] branches, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        List<JsonSchemaError>? best = null;
        int bestDepth = -1;
        foreach (var branch in branches)
        {
            var branchErrors = new List<JsonSchemaError>();
            Check(branch, value, path, branchErrors);
            if (branchErrors.Count == 0)
            {
                return;
            }
            int depth = 0;
            foreach (var error in branchErrors)
            {
                depth = Math.Max(depth, error.Path.Depth);
            }
            if (depth > bestDepth)
            {
                best = branchErrors;
                bestDepth = depth;
            }
        }
        errors.AddRange(best!);
    }

    private static void CheckOneOf(JsonSchemaNode[] branches, JsonElement value, JsonSchemaInstancePath path, List<JsonSchemaError> errors)
    {
        var matched = new List<int>();
        for (int i = 0; i < branches.Length; i++)
        {
            var scratch = new List<JsonSchemaError>();
            Check(branches[i], value, path, scratch);
            if (scratch.Count == 0)
            {
                matched.Add(i);
            }
        }
        if (matched.Count == 0)
        {
            CheckAnyOf(branches, value, path, errors);
        }
        else if (matched.Count > 1)
        {
            errors.Add(new(path, $"value matches {matched.Count} of the oneOf schemas ({string.Join(", ", matched)}); exactly one must match"));
        }
    }

    private static string[] Format(List<JsonSchemaError> errors, string label)
    {
        var keyed = new (int[] Key, int Sequence, JsonSchemaError Error)[errors.Count];
        for (int i = 0; i < errors.Count; i++)
        {
            keyed[i] = (errors[i].Path.Ordinals(), i, errors[i]);
        }
        Array.Sort(keyed, static (a, b) =>
        {
            int common = Math.Min(a.Key.Length, b.Key.Length);
            for (int i = 0; i < common; i++)
            {
                if (a.Key[i] != b.Key[i])
                {
                    return a.Key[i].CompareTo(b.Key[i]);
                }
            }
            int byLength = a.Key.Length.CompareTo(b.Key.Length);
            return byLength != 0 ? byLength : a.Sequence.CompareTo(b.Sequence);
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>(keyed.Length);
        foreach (var (_, _, error) in keyed)
        {
            string line = $"{label}: {error.Path}: {error.Rule}";
            if (seen.Add(line))
            {
                lines.Add(line);
            }
        }
        return lines.ToArray();
    }

    /// <summary>
    /// The reason is derived from the input rather than from the exception
    /// text, which NativeAOT builds with UseSystemResourceKeys reduce to a
    /// resource key.
    /// </summary>
    /// <summary>System.Text.Json's default depth limit, kept: no valid config nests beyond a dozen levels.</summary>
    private const int MaxDepth = 64;

    private static int NestingAt(ReadOnlySpan<byte> json, int end)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < end; i++)
        {
            byte c = json[i];
            if (inString)
            {
                if (c == (byte)'\\')
                {
                    i++;
                }
                else if (c == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (c == (byte)'"')
            {
                inString = true;
            }
            else if (c == (byte)'{' || c == (byte)'[')
            {
                depth++;
            }
            else if (c == (byte)'}' || c == (byte)']')
            {
                depth--;
            }
        }
        return depth;
    }

    private static string DescribeSyntaxError(ReadOnlySpan<byte> json, long line, long column)
    {
        long offset = 0;
        for (long seen = 0; seen < line && offset < json.Length; offset++)
        {
            if (json[(int)offset] == (byte)'\n')
            {
                seen++;
            }
        }
        offset += column;
        if (offset >= json.Length)
        {
            return "unexpected end of input";
        }
        byte b = json[(int)offset];
        if ((b == (byte)'{' || b == (byte)'[') && NestingAt(json, (int)offset) >= MaxDepth)
        {
            return $"nesting deeper than {MaxDepth} levels";
        }
        return b > 0x20 && b < 0x7f ? $"unexpected character '{(char)b}'" : $"unexpected byte 0x{b:X2}";
    }
}
