using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// Little-endian D-Bus marshalling ("Marshaling (Wire Format)" of the
/// D-Bus specification), driven by the signature. CLR types per code:
/// y byte, b bool, n short, q ushort, i int, u uint, x long, t ulong,
/// s/o/g string, v <see cref="DbusVariant"/>, arrays, structs and dict
/// entries IReadOnlyList&lt;object?&gt; (a dict is a list of two-element lists).
/// </summary>
public sealed class DbusWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>Alignment counts from the start of the message; a body starts 8-aligned, so a body alone aligns the same.</summary>
    public int Position => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public void Align(int boundary)
    {
        while (_bytes.Count % boundary != 0)
            _bytes.Add(0);
    }

    public void WriteByte(byte value) => _bytes.Add(value);

    public void WriteUInt32(uint value)
    {
        Align(4);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        _bytes.AddRange(b);
    }

    public void WriteUInt64(ulong value)
    {
        Align(8);
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        _bytes.AddRange(b);
    }

    public void WriteString(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        WriteUInt32((uint)utf8.Length);
        _bytes.AddRange(utf8);
        _bytes.Add(0);
    }

    public void WriteSignature(string value)
    {
        var ascii = Encoding.ASCII.GetBytes(value);
        if (ascii.Length > 255)
            throw new DbusFormatException($"signature \"{value}\" is longer than 255 bytes");
        _bytes.Add((byte)ascii.Length);
        _bytes.AddRange(ascii);
        _bytes.Add(0);
    }

    /// <summary>Writes each value in turn under the body signature.</summary>
    public void WriteAll(string signature, IReadOnlyList<object?> values)
    {
        var types = DbusSignature.Split(signature);
        if (types.Count != values.Count)
            throw new DbusFormatException($"signature \"{signature}\" has {types.Count} types for {values.Count} values");
        for (int i = 0; i < types.Count; i++)
            Write(types[i], values[i]);
    }

    /// <summary>Writes one value of a single complete type.</summary>
    public void Write(string type, object? value)
    {
        switch (type[0])
        {
            case 'y': WriteByte(As<byte>(type, value)); break;
            case 'b': WriteUInt32(As<bool>(type, value) ? 1u : 0u); break;
            case 'n': WriteFixed16(unchecked((ushort)As<short>(type, value))); break;
            case 'q': WriteFixed16(As<ushort>(type, value)); break;
            case 'i': WriteUInt32(unchecked((uint)As<int>(type, value))); break;
            case 'u': WriteUInt32(As<uint>(type, value)); break;
            case 'x': WriteUInt64(unchecked((ulong)As<long>(type, value))); break;
            case 't': WriteUInt64(As<ulong>(type, value)); break;
            case 's' or 'o': WriteString(As<string>(type, value)); break;
            case 'g': WriteSignature(As<string>(type, value)); break;
            case 'v':
                {
                    var variant = As<DbusVariant>(type, value);
                    if (DbusSignature.EndOf(variant.Signature, 0) != variant.Signature.Length)
                        throw new DbusFormatException($"variant signature \"{variant.Signature}\" is not one complete type");
                    WriteSignature(variant.Signature);
                    Write(variant.Signature, variant.Value);
                    break;
                }
            case 'a':
                {
                    var element = type[1..];
                    var items = As<IReadOnlyList<object?>>(type, value);
                    WriteUInt32(0);
                    int lengthAt = _bytes.Count - 4;
                    // The length counts from the first element, after its padding, which is there even for an empty array.
                    Align(DbusSignature.Alignment(element[0]));
                    int start = _bytes.Count;
                    foreach (var item in items)
                        Write(element, item);
                    Span<byte> b = stackalloc byte[4];
                    BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(_bytes.Count - start));
                    for (int i = 0; i < 4; i++)
                        _bytes[lengthAt + i] = b[i];
                    break;
                }
            case '(' or '{':
                {
                    Align(8);
                    var fields = As<IReadOnlyList<object?>>(type, value);
                    var types = DbusSignature.Split(type[1..^1]);
                    if (types.Count != fields.Count)
                        throw new DbusFormatException($"struct \"{type}\" has {types.Count} fields, got {fields.Count} values");
                    for (int i = 0; i < types.Count; i++)
                        Write(types[i], fields[i]);
                    break;
                }
            default:
                throw new DbusFormatException($"cannot marshal type \"{type}\"");
        }
    }

    private void WriteFixed16(ushort value)
    {
        Align(2);
        _bytes.Add((byte)value);
        _bytes.Add((byte)(value >> 8));
    }

    private static T As<T>(string type, object? value) =>
        value is T t ? t : throw new DbusFormatException($"D-Bus type \"{type}\" cannot hold a {value?.GetType().Name ?? "null"}");
}
