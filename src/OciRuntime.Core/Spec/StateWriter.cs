using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>
/// The state JSON hooks receive on stdin (runtime.md "State"), written by
/// hand: create, start and delete each need it once, and the serializer's
/// metadata for it would be built cold in every one of those processes.
/// Byte for byte what <c>JsonSerializer.Serialize(state, SpecJson.Default.State)</c> writes.
/// </summary>
public static class StateWriter
{
    public static string Write(State state)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("ociVersion"u8, state.OciVersion);
            w.WriteString("id"u8, state.Id);
            w.WriteString("status"u8, state.Status);
            if (state.Pid is { } pid)
                w.WriteNumber("pid"u8, pid);
            w.WriteString("bundle"u8, state.Bundle);
            if (state.Annotations is { } annotations)
            {
                w.WriteStartObject("annotations"u8);
                foreach (var (key, value) in annotations)
                    w.WriteString(key, value);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
