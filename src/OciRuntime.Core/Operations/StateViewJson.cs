using System.Collections.Generic;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// The state JSON `state` and `list --format json` print, written by
/// hand: the same bytes as the source-generated contexts
/// gave (member order of runc's output, nulls left out, two-space indent),
/// without building serializer metadata (or the writer's encoder) on every call of `state`.
/// </summary>
public static class StateViewJson
{
    /// <summary>`state`: one view, indented.</summary>
    public static string Write(StateView view)
    {
        var w = new JsonBytes(512, indented: true);
        WriteView(w, view);
        return w.ToString();
    }

    /// <summary>`list --format json`: an indented array of views.</summary>
    public static string WriteList(IReadOnlyList<StateView> views)
    {
        var w = new JsonBytes(512 * (views.Count + 1), indented: true).StartArray();
        foreach (var v in views)
            WriteView(w, v);
        return w.EndArray().ToString();
    }

    private static void WriteView(JsonBytes w, StateView v)
    {
        w.StartObject()
            .Optional("ociVersion"u8, v.OciVersion)
            .Optional("id"u8, v.Id)
            .Name("pid"u8).Number(v.Pid)
            .Optional("status"u8, v.Status)
            .Optional("bundle"u8, v.Bundle)
            .Optional("rootfs"u8, v.Rootfs)
            .Optional("created"u8, v.Created)
            .Optional("owner"u8, v.Owner);
        ContainerRecordJson.WriteMap(w, "annotations"u8, v.Annotations);
        w.EndObject();
    }
}
