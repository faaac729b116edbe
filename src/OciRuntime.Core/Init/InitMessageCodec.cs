using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
        Quote(text, message.Type);
        if (message.Message is not null)
        {
            text.Append(",\"message\":");
            Quote(text, message.Message);
        }
        text.Append('}');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A JSON string (RFC 8259 section 7): quotes, backslashes and control characters escaped; a lone surrogate becomes U+FFFD, as UTF-8 encoding would make it.</summary>
    internal static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    bool lone = char.IsHighSurrogate(c) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
                    if (lone)
                        text.Append('\uFFFD');
                    else if (c < 0x20)
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
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
