using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// Turns draft-04 schema documents into <see cref="JsonSchemaNode"/> graphs.
/// <c>$ref</c> is resolved against a map of documents keyed by file name, so
/// <c>defs-linux.json#/definitions/Device</c> works wherever the schemas live
/// (embedded resources, a test folder). Unknown keywords (description,
/// $schema, format, ...) are ignored, as draft-04 allows.
/// </summary>
internal sealed class JsonSchemaCompiler
{
    private readonly IReadOnlyDictionary<string, JsonDocument> _documents;
    private readonly Dictionary<string, JsonSchemaNode> _nodes = new(StringComparer.Ordinal);

    public JsonSchemaCompiler(IReadOnlyDictionary<string, JsonDocument> documents)
    {
        _documents = documents;
    }

    /// <summary>Compiles <c>file.json</c> or <c>file.json#/pointer</c> and everything it references.</summary>
    public JsonSchemaNode Compile(string reference) => Resolve(reference, currentDocument: "");

    /// <summary>
    /// Resolves every <c>$ref</c> reachable from what was compiled so far and
    /// checks that no chain of refs loops without reaching a schema: a whole
    /// schema set checked up front (the runtime resolves refs as validation reaches them).
    /// </summary>
    public void ResolveAll()
    {
        for (bool more = true; more;)
        {
            more = false;
            foreach (var node in new List<JsonSchemaNode>(_nodes.Values))
            {
                if (node.HasPendingRef)
                {
                    _ = node.Ref;
                    more = true;
                }
            }
        }
        CheckRefChains();
    }

    private JsonSchemaNode Resolve(string reference, string currentDocument)
    {
        int hash = reference.IndexOf('#');
        string file = hash < 0 ? reference : reference[..hash];
        string pointer = hash < 0 ? "" : reference[(hash + 1)..];
        int slash = file.LastIndexOf('/');
        if (slash >= 0)
        {
            file = file[(slash + 1)..];
        }
        if (file.Length == 0)
        {
            file = currentDocument;
        }
        string location = file + "#" + pointer;
        if (_nodes.TryGetValue(location, out var existing))
        {
            return existing;
        }
        if (!_documents.TryGetValue(file, out var document))
        {
            throw new InvalidOperationException($"schema reference `{reference}`: no document named `{file}`");
        }
        var element = Navigate(document.RootElement, pointer, reference);
        return CompileNode(element, location);
    }

    private static JsonElement Navigate(JsonElement element, string pointer, string reference)
    {
        pointer = PercentDecode(pointer);
        if (pointer.Length == 0)
        {
            return element;
        }
        if (pointer[0] != '/')
        {
            throw new InvalidOperationException($"schema reference `{reference}`: only JSON pointers are supported");
        }
        foreach (string rawToken in pointer[1..].Split('/'))
        {
            string token = rawToken.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, out int index) && index >= 0 && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                throw new InvalidOperationException($"schema reference `{reference}`: `{token}` not found");
            }
        }
        return element;
    }

    private JsonSchemaNode CompileNode(JsonElement schema, string location)
    {
        if (_nodes.TryGetValue(location, out var existing))
        {
            return existing;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"schema `{location}` is not an object");
        }
        var node = new JsonSchemaNode { Location = location };
        _nodes.Add(location, node);
        if (schema.TryGetProperty("$ref", out var reference))
        {
            string target = reference.GetString() ?? throw Invalid(location, "$ref");
            node.SetRef(() => Resolve(target, DocumentOf(location)));
            return node;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            string at = location + "/" + Escape(keyword.Name);
            switch (keyword.Name)
            {
                case "type":
                    node.Types = ParseTypes(value, at);
                    break;
                case "properties":
                    node.Properties = new Dictionary<string, JsonSchemaNode>(StringComparer.Ordinal);
                    foreach (var property in value.EnumerateObject())
                    {
                        node.Properties[property.Name] = CompileNode(property.Value, at + "/" + Escape(property.Name));
                    }
                    break;
                case "patternProperties":
                    var patterns = new List<(SchemaPattern, string, JsonSchemaNode)>();
                    foreach (var property in value.EnumerateObject())
                    {
                        patterns.Add((BuildPattern(property.Name, at), property.Name, CompileNode(property.Value, at + "/" + Escape(property.Name))));
                    }
                    node.PatternProperties = patterns.ToArray();
                    break;
                case "additionalProperties":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.AdditionalPropertiesAllowed = value.GetBoolean();
                    }
                    else
                    {
                        node.AdditionalProperties = CompileNode(value, at);
                    }
                    break;
                case "required":
                    node.Required = Strings(value, at);
                    break;
                case "minProperties":
                    node.MinProperties = Count(value, at);
                    break;
                case "maxProperties":
                    node.MaxProperties = Count(value, at);
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var tuple = new List<JsonSchemaNode>();
                        int index = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            tuple.Add(CompileNode(item, at + "/" + index++));
                        }
                        node.TupleItems = tuple.ToArray();
                    }
                    else
                    {
                        node.Items = CompileNode(value, at);
                    }
                    break;
                case "additionalItems":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.AdditionalItemsAllowed = value.GetBoolean();
                    }
                    else
                    {
                        node.AdditionalItems = CompileNode(value, at);
                    }
                    break;
                case "minItems":
                    node.MinItems = Count(value, at);
                    break;
                case "maxItems":
                    node.MaxItems = Count(value, at);
                    break;
                case "uniqueItems":
                    node.UniqueItems = value.ValueKind == JsonValueKind.True;
                    break;
                case "minLength":
                    node.MinLength = Count(value, at);
                    break;
                case "maxLength":
                    node.MaxLength = Count(value, at);
                    break;
                case "pattern":
                    node.PatternSource = value.GetString() ?? throw Invalid(at, "pattern");
                    node.Pattern = BuildPattern(node.PatternSource, at);
                    break;
                case "minimum":
                    node.Minimum = NumberBytes(value, at);
                    break;
                case "maximum":
                    node.Maximum = NumberBytes(value, at);
                    break;
                case "exclusiveMinimum":
                    node.ExclusiveMinimum = value.ValueKind == JsonValueKind.True;
                    break;
                case "exclusiveMaximum":
                    node.ExclusiveMaximum = value.ValueKind == JsonValueKind.True;
                    break;
                case "enum":
                    var values = new List<JsonElement>();
                    foreach (var item in value.EnumerateArray())
                    {
                        values.Add(item);
                    }
                    node.Enum = values.ToArray();
                    break;
                case "allOf":
                    node.AllOf = Schemas(value, at);
                    break;
                case "anyOf":
                    node.AnyOf = Schemas(value, at);
                    break;
                case "oneOf":
                    node.OneOf = Schemas(value, at);
                    break;
                case "not":
                    node.Not = CompileNode(value, at);
                    break;
            }
        }
        return node;
    }

    internal static JsonSchemaNode Target(JsonSchemaNode node)
    {
        var current = node;
        for (int hops = 0; current.Ref is { } next; hops++)
        {
            if (hops > 64)
            {
                throw new InvalidOperationException($"schema `{node.Location}`: $ref chain never reaches a schema");
            }
            current = next;
        }
        return current;
    }

    private void CheckRefChains()
    {
        foreach (var node in _nodes.Values)
        {
            Target(node);
        }
    }

    private JsonSchemaNode[] Schemas(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(at, "an array of schemas");
        }
        var result = new List<JsonSchemaNode>();
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            result.Add(CompileNode(item, at + "/" + index++));
        }
        return result.ToArray();
    }

    private static JsonSchemaTypes ParseTypes(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseType(value.GetString()!, at);
        }
        var types = JsonSchemaTypes.None;
        foreach (var item in value.EnumerateArray())
        {
            types |= ParseType(item.GetString() ?? throw Invalid(at, "type"), at);
        }
        return types;
    }

    private static JsonSchemaTypes ParseType(string name, string at)
    {
        foreach (var (flag, typeName) in JsonSchemaText.TypeTable)
        {
            if (typeName == name)
            {
                return flag;
            }
        }
        throw Invalid(at, "type");
    }

    /// <summary>Patterns are ECMA 262 and searched, not anchored (draft-04 section 5.2.3).</summary>
    private static SchemaPattern BuildPattern(string pattern, string at)
    {
        try
        {
            return SchemaPattern.Parse(pattern);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"schema `{at}`: pattern {JsonSchemaText.Quote(pattern)}: {e.Message}");
        }
    }

    /// <summary>A $ref fragment is URI-encoded (RFC 6901 section 6): %XX escapes of UTF-8 bytes.</summary>
    internal static string PercentDecode(string text)
    {
        if (!text.Contains('%'))
        {
            return text;
        }
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out byte b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string[] Strings(JsonElement value, string at)
    {
        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            result.Add(item.GetString() ?? throw Invalid(at, "string"));
        }
        return result.ToArray();
    }

    private static int Count(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int count) && count >= 0 ? count : throw Invalid(at, "a non-negative integer");

    private static byte[] NumberBytes(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number
            ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).ToArray()
            : throw Invalid(at, "a number");

    private static string DocumentOf(string location) => location[..location.IndexOf('#')];

    private static string Escape(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (char c in token)
        {
            builder.Append(c switch { '~' => "~0", '/' => "~1", _ => c.ToString() });
        }
        return builder.ToString();
    }

    private static InvalidOperationException Invalid(string at, string expected) =>
        new($"schema `{at}`: expected {expected}");
}
