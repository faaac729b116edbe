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
        var w = new JsonBytes(256).StartObject()
            .Optional("ociVersion"u8, state.OciVersion)
            .Optional("id"u8, state.Id)
            .Optional("status"u8, state.Status);
        if (state.Pid is { } pid)
            w.Name("pid"u8).Number(pid);
        w.Optional("bundle"u8, state.Bundle);
        if (state.Annotations is { } annotations)
        {
            w.Name("annotations"u8).StartObject();
            foreach (var (key, value) in annotations)
                w.Name(key).String(value);
            w.EndObject();
        }
        return w.EndObject().ToString();
    }
}
