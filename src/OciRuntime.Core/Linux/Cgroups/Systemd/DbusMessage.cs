using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// One D-Bus message: fixed header, header fields a(yv), body padded to 8
/// (D-Bus specification, "Message Format").
/// </summary>
public sealed record DbusMessage
{
    /// <summary>Bytes before the header fields: endianness, type, flags, version, body length, serial, fields length.</summary>
    public const int FixedHeaderLength = 16;

    /// <summary>dbus-daemon's limit; anything longer is a broken stream.</summary>
    private const int MaxMessageLength = 128 * 1024 * 1024;

    private const byte FieldPath = 1, FieldInterface = 2, FieldMember = 3, FieldErrorName = 4,
        FieldReplySerial = 5, FieldDestination = 6, FieldSender = 7, FieldSignature = 8;

    public DbusMessageType Type { get; init; }
    public byte Flags { get; init; }
    public uint Serial { get; init; }
    public string? Path { get; init; }
    public string? Interface { get; init; }
    public string? Member { get; init; }
    public string? ErrorName { get; init; }
    public uint? ReplySerial { get; init; }
    public string? Destination { get; init; }
    public string? Sender { get; init; }
    public string Signature { get; init; } = "";
    public IReadOnlyList<object?> Body { get; init; } = [];

    public static DbusMessage MethodCall(string destination, string path, string @interface, string member, string signature = "", params object?[] body) => new()
    {
        Type = DbusMessageType.MethodCall,
        Destination = destination,
        Path = path,
        Interface = @interface,
        Member = member,
        Signature = signature,
        Body = body,
    };

    public byte[] Encode()
    {
        var body = new DbusWriter();
        body.WriteAll(Signature, Body);
        var bodyBytes = body.ToArray();

        var fields = new List<object?>();
        void Field(byte code, string type, object? value)
        {
            if (value is not null)
                fields.Add(new object?[] { code, new DbusVariant(type, value) });
        }
        Field(FieldPath, "o", Path);
        Field(FieldInterface, "s", Interface);
        Field(FieldMember, "s", Member);
        Field(FieldErrorName, "s", ErrorName);
        Field(FieldReplySerial, "u", ReplySerial);
        Field(FieldDestination, "s", Destination);
        Field(FieldSender, "s", Sender);
        if (Signature.Length > 0)
            Field(FieldSignature, "g", Signature);

        var w = new DbusWriter();
        w.WriteByte((byte)'l');
        w.WriteByte((byte)Type);
        w.WriteByte(Flags);
        w.WriteByte(1);
        w.WriteUInt32((uint)bodyBytes.Length);
        w.WriteUInt32(Serial);
        w.Write("a(yv)", fields);
        w.Align(8);
        var header = w.ToArray();
        var message = new byte[header.Length + bodyBytes.Length];
        header.CopyTo(message, 0);
        bodyBytes.CopyTo(message, header.Length);
        return message;
    }

    /// <summary>The whole message's length, from its first <see cref="FixedHeaderLength"/> bytes.</summary>
    public static int TotalLength(ReadOnlySpan<byte> fixedHeader)
    {
        if (fixedHeader[0] != 'l')
            throw new DbusFormatException($"D-Bus message in byte order '{(char)fixedHeader[0]}': only little-endian ('l') is supported");
        long body = BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[4..]);
        long fields = BinaryPrimitives.ReadUInt32LittleEndian(fixedHeader[12..]);
        long headerEnd = FixedHeaderLength + fields;
        long total = (headerEnd + 7) / 8 * 8 + body;
        if (total > MaxMessageLength)
            throw new DbusFormatException($"D-Bus message of {total} bytes is too long");
        return (int)total;
    }

    public static DbusMessage Decode(byte[] data)
    {
        if (data.Length < FixedHeaderLength || data.Length != TotalLength(data))
            throw new DbusFormatException("D-Bus message length does not match its header");
        if (data[3] != 1)
            throw new DbusFormatException($"D-Bus protocol version {data[3]} is not supported");
        var r = new DbusReader(data, 4);
        uint bodyLength = r.ReadUInt32();
        uint serial = r.ReadUInt32();
        var message = new DbusMessage { Type = (DbusMessageType)data[1], Flags = data[2], Serial = serial };
        foreach (var field in (IReadOnlyList<object?>)r.Read("a(yv)"))
        {
            var pair = (IReadOnlyList<object?>)field!;
            var value = ((DbusVariant)pair[1]!).Value;
            message = (byte)pair[0]! switch
            {
                FieldPath => message with { Path = value as string },
                FieldInterface => message with { Interface = value as string },
                FieldMember => message with { Member = value as string },
                FieldErrorName => message with { ErrorName = value as string },
                FieldReplySerial => message with { ReplySerial = value as uint? },
                FieldDestination => message with { Destination = value as string },
                FieldSender => message with { Sender = value as string },
                FieldSignature => message with { Signature = value as string ?? "" },
                _ => message, // unknown fields must be ignored (spec, "Header Fields")
            };
        }
        r.Align(8);
        var bodyStart = r.Position;
        if (bodyStart + bodyLength != data.Length)
            throw new DbusFormatException("D-Bus message body length does not match its header");
        var body = new DbusReader(data, bodyStart, bodyStart).ReadAll(message.Signature);
        return message with { Body = body };
    }

    /// <summary>The first string argument, which is an ERROR reply's human-readable text.</summary>
    public string FirstString() => Body.Count > 0 && Body[0] is string s ? s : "";
}
