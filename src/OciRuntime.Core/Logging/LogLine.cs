using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Core.Logging;

/// <summary>
/// One log line as runc (logrus) writes it, which is what engines parse from
/// --log: text `time="…" level=error msg="…"`, or JSON with the keys sorted
/// `{"level":"error","msg":"…","time":"…"}`. The time is RFC 3339 in seconds
/// with the local offset ("Z" when it is zero).
/// </summary>
public static class LogLine
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Keep UTF-8 readable; quotes, backslashes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The line, ending in '\n'.</summary>
    public static string Format(LogFormat format, LogLevel level, string message, DateTimeOffset time) =>
        format == LogFormat.Json ? Json(level, message, time) : Text(level, message, time);

    /// <summary>logrus level names (warning, not warn; Critical maps to fatal).</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "fatal",
        _ => "panic",
    };

    private static string Text(LogLevel level, string message, DateTimeOffset time)
    {
        var sb = new StringBuilder(message.Length + 64);
        sb.Append("time=");
        AppendValue(sb, Rfc3339.Seconds(time));
        sb.Append(" level=");
        AppendValue(sb, LevelName(level));
        sb.Append(" msg=");
        AppendValue(sb, message);
        sb.Append('\n');
        return sb.ToString();
    }

    private static string Json(LogLevel level, string message, DateTimeOffset time)
    {
        var buffer = new ArrayBufferWriter<byte>(message.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("level", LevelName(level));
            writer.WriteString("msg", message);
            writer.WriteString("time", Rfc3339.Seconds(time));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    // logrus leaves a value bare only when every character is in this set.
    private static bool NeedsQuoting(string value)
    {
        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_' or '/' or '@' or '^' or '+'))
                return true;
        }
        return false;
    }

    // Quoted the way Go's %q does: named escapes, \xNN for other ASCII controls.
    private static void AppendValue(StringBuilder sb, string value)
    {
        if (!NeedsQuoting(value))
        {
            sb.Append(value);
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                        sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    else if (char.IsControl(c))
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
