using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Pending;

public sealed record PendingRecord
{
    public string Id { get; init; } = "";
    public int Pid { get; init; }
    public string Bundle { get; init; } = "";
    public string Rootfs { get; init; } = "";
    public string Created { get; init; } = "";
    public Dictionary<string, string>? Annotations { get; init; }
}

[JsonSerializable(typeof(PendingRecord))]
internal sealed partial class PendingJson : JsonSerializerContext { }

public sealed class PendingState
{
    private readonly string _root;
    public PendingState(string root) => _root = root;
    public string Dir(string id) => Path.Combine(_root, id);
    public void Create(string id)
    {
        Directory.CreateDirectory(_root);
        if (Directory.Exists(Dir(id)))
            throw new RuntimeException($"container with id exists: {id}");
        Directory.CreateDirectory(Dir(id));
    }
    public void Save(PendingRecord r) => File.WriteAllBytes(Path.Combine(Dir(r.Id), "state.json"), JsonSerializer.SerializeToUtf8Bytes(r, PendingJson.Default.PendingRecord));
    public PendingRecord Load(string id)
    {
        var p = Path.Combine(Dir(id), "state.json");
        if (!File.Exists(p))
            throw new RuntimeException("container does not exist");
        return JsonSerializer.Deserialize(File.ReadAllBytes(p), PendingJson.Default.PendingRecord)!;
    }
    public void Remove(string id) { if (Directory.Exists(Dir(id))) Directory.Delete(Dir(id), true); }
}
