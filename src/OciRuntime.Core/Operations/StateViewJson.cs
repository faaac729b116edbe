using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Core.Operations;

/// <summary>
/// The state JSON `state` and `list --format json` print, written by
/// hand: the same bytes as the source-generated contexts
/// gave (member order of runc's output, nulls left out, two-space indent),
/// without building serializer metadata on every call of `state`.
/// </summary>
public static class StateViewJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>`state`: one view, indented.</summary>
    public static string Write(StateView view)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Indented))
            WriteView(w, view);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>`list --format json`: an indented array of views.</summary>
    public static string WriteList(IReadOnlyList<StateView> views)
    {
        var buffer = new ArrayBufferWriter<byte>(512 * (views.Count + 1));
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartArray();
            foreach (var v in views)
                WriteView(w, v);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteView(Utf8JsonWriter w, StateView v)
    {
        w.WriteStartObject();
        ContainerRecordJson.WriteString(w, "ociVersion", v.OciVersion);
        ContainerRecordJson.WriteString(w, "id", v.Id);
        w.WriteNumber("pid", v.Pid);
        ContainerRecordJson.WriteString(w, "status", v.Status);
        ContainerRecordJson.WriteString(w, "bundle", v.Bundle);
        ContainerRecordJson.WriteString(w, "rootfs", v.Rootfs);
        ContainerRecordJson.WriteString(w, "created", v.Created);
        ContainerRecordJson.WriteString(w, "owner", v.Owner);
        ContainerRecordJson.WriteMap(w, "annotations", v.Annotations);
        w.WriteEndObject();
    }
}
