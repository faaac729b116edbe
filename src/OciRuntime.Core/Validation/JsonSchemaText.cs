using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>How values appear inside one-line error messages.</summary>
internal static class JsonSchemaText
{
    private const int MaxValueLength = 60;

    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    /// <summary>
    /// A value as compact JSON, shortened so that one error stays one
    /// readable line even when the offending value is a large object.
    /// </summary>
    public static string Value(JsonElement element)
    {
        string text = element.ValueKind switch
        {
            JsonValueKind.String => Quote(element.GetString() ?? ""),
            JsonValueKind.Object or JsonValueKind.Array => Compact(element),
            _ => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element)),
        };
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 3), "...");
    }

    public static string List(IReadOnlyList<JsonElement> values)
    {
        var builder = new StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            builder.Append(Value(values[i]));
        }
        return builder.Append(']').ToString();
    }

    public static string TypeName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => JsonSchemaNumber.IsInteger(JsonMarshal.GetRawUtf8Value(element)) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    public static string TypeNames(JsonSchemaTypes types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in TypeTable)
        {
            if ((types & flag) != 0)
            {
                names.Add(name);
            }
        }
        return string.Join(" or ", names);
    }

    public static readonly (JsonSchemaTypes Flag, string Name)[] TypeTable =
    [
        (JsonSchemaTypes.Object, "object"),
        (JsonSchemaTypes.Array, "array"),
        (JsonSchemaTypes.String, "string"),
        (JsonSchemaTypes.Number, "number"),
        (JsonSchemaTypes.Integer, "integer"),
        (JsonSchemaTypes.Boolean, "boolean"),
        (JsonSchemaTypes.Null, "null"),
    ];

    private static string Compact(JsonElement element)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
