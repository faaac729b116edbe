using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Spec;

/// <summary>
/// Decodes config.json (and the `exec --process` and `update --resources`
/// documents) into the spec records by hand over <see cref="Utf8JsonReader"/>.
/// The source-generated serializer builds its metadata for every type of the
/// model on first use, through reflection over attributes: about 4 ms of CPU
/// in the runtime and again in the container init, for a document read once.
/// The result equals what <c>JsonSerializer.Deserialize(json, SpecJson.Default.X)</c>
/// gives: names as in [JsonPropertyName], unknown properties skipped, null
/// kept for reference types, the same integer ranges; anything it would
/// refuse is refused here too, as "source: path: why".
/// Each object reader starts on the value's first token and ends on its last.
/// The serializer builds these records through a constructor delegate that
/// sets every init-only property, so a property absent from the JSON is
/// default (null, 0, false), not the record's initializer: the readers start
/// from the same values (<c>new Root { Path = null! }</c>).
/// </summary>
public static partial class SpecReader
{
    internal delegate T ValueReader<T>(ref Utf8JsonReader r);

    /// <summary>JsonSerializer's defaults: depth 64, no comments, no trailing commas.</summary>
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static ContainerConfig ReadConfig(ReadOnlySpan<byte> json, string source = "config.json") =>
        Read(json, source, ReadContainerConfig) ?? throw new RuntimeException($"{source}: (root): expected an object, got null");

    public static Process ReadProcess(ReadOnlySpan<byte> json, string source) =>
        Read(json, source, ReadProcess) ?? throw new RuntimeException($"{source}: (root): expected an object, got null");

    public static LinuxResources ReadResources(ReadOnlySpan<byte> json, string source) =>
        Read(json, source, ReadLinuxResources) ?? throw new RuntimeException($"{source}: (root): expected an object, got null");

    internal static T? Read<T>(ReadOnlySpan<byte> json, string source, ValueReader<T?> read) where T : class
    {
        var r = new Utf8JsonReader(json, Options);
        string why;
        try
        {
            Next(ref r);
            var value = read(ref r);
            // Only whitespace may follow: Read throws on anything else.
            if (r.Read())
                throw new JsonException("unexpected content after the document");
            return value;
        }
        catch (JsonException e)
        {
            why = e.Message;
        }
        catch (InvalidOperationException)
        {
            // GetString: invalid UTF-8 or an unpaired surrogate escape.
            why = "string is not valid UTF-8 or holds an unpaired surrogate escape";
        }
        catch (FormatException e)
        {
            // GetBytesFromBase64 on text that is not base64.
            why = e.Message;
        }
        throw new RuntimeException(BoundedMessage($"{source}: {PathAt(json, r.TokenStartIndex)}: {why}"));
    }

    /// <summary>Errors quote the offending value: keep both ends of a hostile one.</summary>
    private static string BoundedMessage(string message) =>
        message.Length <= 1000 ? message : $"{message[..500]}…({message.Length - 1000} characters elided)…{message[^500..]}";

    /// <summary>
    /// The path of the token starting at <paramref name="offset"/>, as the
    /// validators print it (linux.resources.devices[0].type), found by a
    /// second pass so that decoding keeps no path while it succeeds.
    /// </summary>
    internal static string PathAt(ReadOnlySpan<byte> json, long offset)
    {
        var r = new Utf8JsonReader(json, Options);
        var names = new List<string?>();
        var indexes = new List<int>(); // -1 in an object
        try
        {
            while (r.Read())
            {
                var t = r.TokenType;
                if (t is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    names.RemoveAt(names.Count - 1);
                    indexes.RemoveAt(indexes.Count - 1);
                    continue;
                }
                if (t == JsonTokenType.PropertyName)
                    names[^1] = r.GetString();
                else if (indexes.Count > 0 && indexes[^1] >= -1)
                    indexes[^1]++;
                if (r.TokenStartIndex >= offset)
                    break;
                if (t is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    names.Add(null);
                    indexes.Add(t == JsonTokenType.StartArray ? -1 : -2);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The path up to the malformed part is the best there is.
        }
        var path = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            if (indexes[i] >= 0)
                path.Append('[').Append(indexes[i]).Append(']');
            else if (names[i] is { } name)
                path.Append(path.Length == 0 ? "" : ".").Append(name);
        }
        return path.Length == 0 ? "(root)" : path.ToString();
    }

    internal static void Next(ref Utf8JsonReader r)
    {
        if (!r.Read())
            throw new JsonException("unexpected end of the document");
    }

    /// <summary>On an object's start (true), or null (false).</summary>
    internal static bool Begin(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Expected(ref r, "an object"),
    };

    /// <summary>Moves to the next property name of the object (true) or to its end (false).</summary>
    internal static bool Property(ref Utf8JsonReader r)
    {
        Next(ref r);
        return r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>On a property named <paramref name="name"/> (escapes decoded): moves to its value.</summary>
    internal static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> name)
    {
        if (!r.ValueTextEquals(name))
            return false;
        Next(ref r);
        return true;
    }

    /// <summary>An unknown property: its value is skipped whatever it holds.</summary>
    internal static T Skip<T>(ref Utf8JsonReader r, T unchanged)
    {
        r.Skip();
        return unchanged;
    }

    internal static JsonException Expected(ref Utf8JsonReader r, string what) =>
        new($"expected {what}, got {Describe(ref r)}");

    private static string Describe(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => Encoding.UTF8.GetString(r.ValueSpan),
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => r.TokenType.ToString(),
    };

    internal static string? Str(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw Expected(ref r, "a string"),
    };

    internal static bool Bool(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Expected(ref r, "a boolean"),
    };

    private static bool? BoolOrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : Bool(ref r);

    private static void Number(ref Utf8JsonReader r, string what)
    {
        if (r.TokenType != JsonTokenType.Number)
            throw Expected(ref r, what);
    }

    private const string U16Name = "an integer from 0 to 65535";
    private const string U32Name = "an integer from 0 to 4294967295";
    private const string U64Name = "an integer from 0 to 18446744073709551615";
    private const string I32Name = "an integer from -2147483648 to 2147483647";
    private const string I64Name = "an integer from -9223372036854775808 to 9223372036854775807";

    private static ushort U16(ref Utf8JsonReader r)
    {
        Number(ref r, U16Name);
        return r.TryGetUInt16(out var v) ? v : throw Expected(ref r, U16Name);
    }

    internal static uint U32(ref Utf8JsonReader r)
    {
        Number(ref r, U32Name);
        return r.TryGetUInt32(out var v) ? v : throw Expected(ref r, U32Name);
    }

    private static ulong U64(ref Utf8JsonReader r)
    {
        Number(ref r, U64Name);
        return r.TryGetUInt64(out var v) ? v : throw Expected(ref r, U64Name);
    }

    internal static int I32(ref Utf8JsonReader r)
    {
        Number(ref r, I32Name);
        return r.TryGetInt32(out var v) ? v : throw Expected(ref r, I32Name);
    }

    private static long I64(ref Utf8JsonReader r)
    {
        Number(ref r, I64Name);
        return r.TryGetInt64(out var v) ? v : throw Expected(ref r, I64Name);
    }

    private static ushort? U16OrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : U16(ref r);
    private static uint? U32OrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : U32(ref r);
    private static ulong? U64OrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : U64(ref r);
    private static int? I32OrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : I32(ref r);
    private static long? I64OrNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null : I64(ref r);

    /// <summary>An array of references; a null element stays null, as the serializer keeps it.</summary>
    private static T[]? Array<T>(ref Utf8JsonReader r, ValueReader<T?> item) where T : class
    {
        if (r.TokenType == JsonTokenType.Null)
            return null;
        if (r.TokenType != JsonTokenType.StartArray)
            throw Expected(ref r, "an array");
        var list = new List<T>();
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
                return list.ToArray();
            list.Add(item(ref r)!);
        }
    }

    internal static string[]? Strings(ref Utf8JsonReader r) => Array<string>(ref r, Str);

    private static uint[]? U32Array(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
            return null;
        if (r.TokenType != JsonTokenType.StartArray)
            throw Expected(ref r, "an array");
        var list = new List<uint>();
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
                return list.ToArray();
            list.Add(U32(ref r));
        }
    }

    /// <summary>A JSON object as a dictionary; a repeated key keeps its last value.</summary>
    private static Dictionary<string, T>? Map<T>(ref Utf8JsonReader r, ValueReader<T?> value) where T : class
    {
        if (!Begin(ref r))
            return null;
        var map = new Dictionary<string, T>();
        while (Property(ref r))
        {
            var key = r.GetString()!;
            Next(ref r);
            map[key] = value(ref r)!;
        }
        return map;
    }

    private static Dictionary<string, string>? StringMap(ref Utf8JsonReader r) => Map<string>(ref r, Str);
}
