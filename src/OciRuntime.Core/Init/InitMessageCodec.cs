using System;
using System.Text;
using System.Text.Json;
using OciRuntime.Core.Validation;
using static OciRuntime.Core.Spec.SpecReader;

namespace OciRuntime.Core.Init;

/// <summary>InitMessage on the wire, by hand, so that neither side builds serializer metadata for two strings.</summary>
public static class InitMessageCodec
{
    /// <summary>
    /// Written without Utf8JsonWriter: its default encoder builds its tables
    /// on first use, a visible share of the init's CPU for two strings.
    /// </summary>
    public static byte[] Encode(InitMessage message)
    {
        var text = new StringBuilder(32 + (message.Message?.Length ?? 0));
        text.Append("{\"type\":");
        JsonSchemaText.AppendQuoted(text, message.Type);
        if (message.Message is not null)
        {
            text.Append(",\"message\":");
            JsonSchemaText.AppendQuoted(text, message.Message);
        }
        text.Append('}');
        // A lone surrogate becomes U+FFFD here, as UTF-8 has no form for it.
        return Encoding.UTF8.GetBytes(text.ToString());
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
