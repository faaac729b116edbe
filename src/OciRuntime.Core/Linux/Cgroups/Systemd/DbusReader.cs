using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>Reads what <see cref="DbusWriter"/> writes (little-endian messages only), with the same CLR types.</summary>
public sealed class DbusReader
{
    private readonly byte[] _data;
    private readonly int _origin;
    private int _pos;

    /// <param name="origin">Offset alignment counts from (the start of the message).</param>
    public DbusReader(byte[] data, int start, int origin = 0)
    {
        _data = data;
        _pos = start;
        _origin = origin;
    }

    public int Position => _pos;

    public void Align(int boundary)
    {
        while ((_pos - _origin) % boundary != 0)
            _pos++;
        Need(0);
    }

    public byte ReadByte()
    {
        Need(1);
        return _data[_pos++];
    }

    public uint ReadUInt32()
    {
        Align(4);
        Need(4);
        var v = BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(_pos));
        _pos += 4;
        return v;
    }

    public ulong ReadUInt64()
    {
        Align(8);
        Need(8);
        var v = BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(_pos));
        _pos += 8;
        return v;
    }

    public string ReadString()
    {
        int length = checked((int)ReadUInt32());
        Need(length + 1);
        var s = Encoding.UTF8.GetString(_data, _pos, length);
        _pos += length + 1;
        return s;
    }

    public string ReadSignature()
    {
        int length = ReadByte();
        Need(length + 1);
        var s = Encoding.ASCII.GetString(_data, _pos, length);
        _pos += length + 1;
        return s;
    }

    public IReadOnlyList<object?> ReadAll(string signature)
    {
        var values = new List<object?>();
        foreach (var type in DbusSignature.Split(signature))
            values.Add(Read(type));
        return values;
    }

    public object Read(string type)
    {
        switch (type[0])
        {
            case 'y': return ReadByte();
            case 'b': return ReadUInt32() != 0;
            case 'n': return unchecked((short)ReadFixed16());
            case 'q': return ReadFixed16();
            case 'i': return unchecked((int)ReadUInt32());
            case 'u': return ReadUInt32();
            case 'x': return unchecked((long)ReadUInt64());
            case 't': return ReadUInt64();
            case 's' or 'o': return ReadString();
            case 'g': return ReadSignature();
            case 'v':
                {
                    var signature = ReadSignature();
                    if (signature.Length == 0 || DbusSignature.EndOf(signature, 0) != signature.Length)
                        throw new DbusFormatException($"variant signature \"{signature}\" is not one complete type");
                    return new DbusVariant(signature, Read(signature));
                }
            case 'a':
                {
                    var element = type[1..];
                    int length = checked((int)ReadUInt32());
                    Align(DbusSignature.Alignment(element[0]));
                    int end = _pos + length;
                    Need(length);
                    var items = new List<object?>();
                    while (_pos < end)
                        items.Add(Read(element));
                    if (_pos != end)
                        throw new DbusFormatException($"array \"{type}\" overruns its length {length}");
                    return items;
                }
            case '(' or '{':
                Align(8);
                return ReadAll(type[1..^1]);
            default:
                throw new DbusFormatException($"cannot unmarshal type \"{type}\"");
        }
    }

    private ushort ReadFixed16()
    {
        Align(2);
        Need(2);
        var v = BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(_pos));
        _pos += 2;
        return v;
    }

    private void Need(int count)
    {
        if (_pos + count > _data.Length)
            throw new DbusFormatException("D-Bus message ends early");
    }
}
