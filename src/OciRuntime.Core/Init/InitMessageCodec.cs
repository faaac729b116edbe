using System;
using System.Buffers;
using System.Text.Json;
using static OciRuntime.Core.Spec.SpecReader;

namespace OciRuntime.Core.Init;

/// <summary>InitMessage on the wire, by hand, so that neither side builds serializer metadata for two strings.</summary>
public static class InitMessageCodec
{
    public static byte[] Encode(InitMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (message.Message?.Length ?? 0) * 2);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type"u8, message.Type);
            if (message.Message is not null)
                w.WriteString("message"u8, message.Message);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static InitMessage Decode(ReadOnlySpan<byte> json) => Read(json, "init message", ReadMessage) ?? new InitMessage();

    private static InitMessage? ReadMessage(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new InitMessage();
        while (Property(ref r))
            x = Is(ref r, "type"u8) ? x with { Type = Str(ref r) ?? "" }
              : Is(ref r, "message"u8) ? x with { Message = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }
}
