using System;
using System.Globalization;
using System.Text;

namespace OciRuntime.Core.Spec;

/// <summary>
/// Compact JSON written straight into UTF-8 bytes, for what `create`,
/// `start` and `delete` write on every container (state.json, the init
/// request and messages, the hook state). Utf8JsonWriter consults
/// JavaScriptEncoder.Default for every name and value, and that encoder
/// builds its tables on first use in each process: a visible share of a
/// whole `create`. The escaping here is the same as that encoder's, so the
/// bytes are those Utf8JsonWriter wrote: printable ASCII as is except
/// <c>" \ &lt; &gt; &amp; ' + `</c>; <c>\\ \b \f \n \r \t</c> in short form; every
/// other UTF-16 unit as <c>\uXXXX</c> (upper-case hex), a lone surrogate as U+FFFD.
/// Indented, the layout is Utf8JsonWriter's too (two spaces, <c>"name": value</c>).
/// </summary>
public sealed class JsonBytes
{
    private readonly bool _indented;
    private byte[] _buffer;
    private int _length;
    private int _depth;
    // An item was written at this level: the next one needs a comma.
    private bool _comma;
    // A member name was just written: its value follows on the same line.
    private bool _afterName;

    public JsonBytes(int capacity = 256, bool indented = false)
    {
        _buffer = new byte[Math.Max(capacity, 16)];
        _indented = indented;
    }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => Written.ToArray();

    public override string ToString() => Encoding.UTF8.GetString(Written);

    public JsonBytes StartObject() => Start((byte)'{');

    public JsonBytes EndObject() => End((byte)'}');

    public JsonBytes StartArray() => Start((byte)'[');

    public JsonBytes EndArray() => End((byte)']');

    private JsonBytes Start(byte open)
    {
        Separate();
        Put(open);
        _depth++;
        _comma = false;
        return this;
    }

    private JsonBytes End(byte close)
    {
        _depth--;
        if (_comma && _indented)
            NewLine();
        Put(close);
        _comma = true;
        return this;
    }

    /// <summary>A member name given as a UTF-8 literal that needs no escaping (plain ASCII letters).</summary>
    public JsonBytes Name(ReadOnlySpan<byte> plainName)
    {
        Separate();
        Put((byte)'"');
        Put(plainName);
        Put((byte)'"');
        Put((byte)':');
        _afterName = true;
        return this;
    }

    public JsonBytes Name(string name)
    {
        Separate();
        Quoted(name);
        Put((byte)':');
        _afterName = true;
        return this;
    }

    /// <summary>A string value; null writes the literal null.</summary>
    public JsonBytes String(string? value)
    {
        Separate();
        if (value is null)
            Put("null"u8);
        else
            Quoted(value);
        _comma = true;
        return this;
    }

    /// <summary>An integer, in invariant digits.</summary>
    public JsonBytes Number<T>(T value) where T : IUtf8SpanFormattable
    {
        Separate();
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
        Put(digits[..n]);
        _comma = true;
        return this;
    }

    public JsonBytes Bool(bool value)
    {
        Separate();
        Put(value ? "true"u8 : "false"u8);
        _comma = true;
        return this;
    }

    /// <summary>A value that is already JSON (the caller vouches for it).</summary>
    public JsonBytes Raw(ReadOnlySpan<byte> json)
    {
        Separate();
        Put(json);
        _comma = true;
        return this;
    }

    /// <summary>Bytes as a base64 string value.</summary>
    public JsonBytes Base64(ReadOnlySpan<byte> data)
    {
        Separate();
        Put((byte)'"');
        int size = (data.Length + 2) / 3 * 4;
        Reserve(size);
        System.Buffers.Text.Base64.EncodeToUtf8(data, _buffer.AsSpan(_length), out _, out int written);
        _length += written;
        Put((byte)'"');
        _comma = true;
        return this;
    }

    /// <summary>Name and string value; nothing when the value is null.</summary>
    public JsonBytes Optional(ReadOnlySpan<byte> plainName, string? value) =>
        value is null ? this : Name(plainName).String(value);

    private void Separate()
    {
        if (_afterName)
        {
            if (_indented)
                Put((byte)' ');
            _afterName = false;
            return;
        }
        if (_comma)
            Put((byte)',');
        if (_indented && _depth > 0)
            NewLine();
    }

    private void NewLine()
    {
        Reserve(1 + 2 * _depth);
        _buffer[_length++] = (byte)'\n';
        for (int i = 0; i < 2 * _depth; i++)
            _buffer[_length++] = (byte)' ';
    }

    private void Quoted(string value)
    {
        Put((byte)'"');
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c < 0x7F && c is not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`'))
                continue;
            PutAscii(value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '\\': Put("\\\\"u8); break;
                case '\b': Put("\\b"u8); break;
                case '\f': Put("\\f"u8); break;
                case '\n': Put("\\n"u8); break;
                case '\r': Put("\\r"u8); break;
                case '\t': Put("\\t"u8); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        Unicode(c);
                        Unicode(value[++i]);
                        start = i + 1;
                    }
                    else
                    {
                        Unicode(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }
                    break;
            }
        }
        PutAscii(value.AsSpan(start));
        Put((byte)'"');
    }

    private void Unicode(char c)
    {
        Reserve(6);
        _buffer[_length++] = (byte)'\\';
        _buffer[_length++] = (byte)'u';
        for (int shift = 12; shift >= 0; shift -= 4)
            _buffer[_length++] = (byte)"0123456789ABCDEF"[(c >> shift) & 0xF];
    }

    private void PutAscii(ReadOnlySpan<char> ascii)
    {
        Reserve(ascii.Length);
        for (int i = 0; i < ascii.Length; i++)
            _buffer[_length + i] = (byte)ascii[i];
        _length += ascii.Length;
    }

    private void Put(byte b)
    {
        Reserve(1);
        _buffer[_length++] = b;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }
}
