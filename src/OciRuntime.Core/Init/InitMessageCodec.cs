using System;
using System.Text.Json;
using OciRuntime.Core.Spec;
using static OciRuntime.Core.Spec.SpecReader;

namespace OciRuntime.Core.Init;

/// <summary>InitMessage on the wire, by hand, so that neither side builds serializer metadata for two strings.</summary>
public static class InitMessageCodec
{
    /// <summary>Written without Utf8JsonWriter (see JsonBytes).</summary>
    public static byte[] Encode(InitMessage message) =>
        new JsonBytes(32 + (message.Message?.Length ?? 0) * 2).StartObject()
            .Name("type"u8).String(message.Type)
            .Optional("message"u8, message.Message)
            .EndObject().ToArray();

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
