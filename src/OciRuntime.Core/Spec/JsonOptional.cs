using System;
using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>
/// Members the hand-written writers emit only when present, the way the
/// source-generated serializer with WhenWritingNull did (SpecWriter,
/// FeaturesWriter, EventsWriter write byte for byte what it wrote).
/// </summary>
internal static class JsonOptional
{
    public static void Str(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    public static void Num(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
    }

    public static void Num(Utf8JsonWriter w, ReadOnlySpan<byte> name, ulong? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
    }

    public static void Bool(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } v)
            w.WriteBoolean(name, v);
    }

    // The model's non-nullable members can still hold null (a `with` or an
    // initializer given null!); the serializer leaves those out, so do we.
    public static void Obj<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T? value, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (value is null)
            return;
        w.WritePropertyName(name);
        write(w, value);
    }

    /// <summary>A null element is written as null, as the serializer writes it.</summary>
    public static void Array<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, T[]? values, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (values is null)
            return;
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            if (v is null)
                w.WriteNullValue();
            else
                write(w, v);
        }
        w.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter w, ReadOnlySpan<byte> name, string[]? values) =>
        Array(w, name, values, static (w, s) => w.WriteStringValue(s));
}
