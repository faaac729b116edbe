using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// state.json by hand with Utf8JsonWriter/Utf8JsonReader: every `start`,
/// `state`, `kill` and `delete` reads it, and building the serializer's
/// metadata for the record (and the hooks of the spec model it holds) cost
/// more than the rest of those commands. The bytes are those the
/// source-generated context wrote (declaration order, nulls left out, the
/// default escaping), so state directories written before stay readable and
/// the other way round.
/// </summary>
public static class ContainerRecordJson
{
    public static byte[] Write(ContainerRecord r)
    {
        var w = new JsonBytes(1024).StartObject()
            .Optional("ociVersion"u8, r.OciVersion)
            .Optional("id"u8, r.Id)
            .Name("initPid"u8).Number(r.InitPid)
            .Name("initStartTime"u8).Number(r.InitStartTime)
            .Optional("bundle"u8, r.Bundle)
            .Optional("rootfs"u8, r.Rootfs)
            .Optional("created"u8, r.Created)
            .Optional("owner"u8, r.Owner);
        WriteMap(w, "annotations"u8, r.Annotations);
        w.Optional("cgroupsPath"u8, r.CgroupsPath)
            .Name("systemdCgroup"u8).Bool(r.SystemdCgroup);
        WriteMap(w, "namespacePaths"u8, r.NamespacePaths);
        w.Name("hasPidNamespace"u8).Bool(r.HasPidNamespace);
        if (r.Hooks is { } hooks)
            WriteHooks(w.Name("hooks"u8), hooks);
        w.Name("creating"u8).Bool(r.Creating);
        return w.EndObject().ToArray();
    }

    /// <summary>
    /// Reads a record; unknown members are skipped, a missing member keeps
    /// its default. Malformed JSON or a member of the wrong type throws
    /// <see cref="JsonException"/>; the JSON literal null gives null.
    /// </summary>
    public static ContainerRecord? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
                throw new JsonException("no JSON value");
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            var record = ReadRecord(ref reader);
            if (reader.Read())
                throw new JsonException($"unexpected data after the object at byte {reader.TokenStartIndex}");
            return record;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // Utf8JsonReader's Get* on a token of another type, or a number out of the member's range.
            throw new JsonException(e.Message, e);
        }
    }

    private static ContainerRecord ReadRecord(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "state");
        string ociVersion = "", id = "", bundle = "", rootfs = "", created = "", owner = "";
        string? cgroupsPath = null;
        int initPid = 0;
        ulong initStartTime = 0;
        bool systemdCgroup = false, hasPidNamespace = false, creating = false;
        Dictionary<string, string>? annotations = null, namespacePaths = null;
        Hooks? hooks = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "ociVersion": ociVersion = ReadString(ref reader, name) ?? ""; break;
                case "id": id = ReadString(ref reader, name) ?? ""; break;
                case "initPid": initPid = ReadInt(ref reader, name); break;
                case "initStartTime":
                    Expect(ref reader, JsonTokenType.Number, name);
                    initStartTime = reader.GetUInt64();
                    break;
                case "bundle": bundle = ReadString(ref reader, name) ?? ""; break;
                case "rootfs": rootfs = ReadString(ref reader, name) ?? ""; break;
                case "created": created = ReadString(ref reader, name) ?? ""; break;
                case "owner": owner = ReadString(ref reader, name) ?? ""; break;
                case "annotations": annotations = ReadMap(ref reader, name); break;
                case "cgroupsPath": cgroupsPath = ReadString(ref reader, name); break;
                case "systemdCgroup": systemdCgroup = ReadBool(ref reader, name); break;
                case "namespacePaths": namespacePaths = ReadMap(ref reader, name); break;
                case "hasPidNamespace": hasPidNamespace = ReadBool(ref reader, name); break;
                case "hooks": hooks = ReadHooks(ref reader); break;
                case "creating": creating = ReadBool(ref reader, name); break;
                default: reader.Skip(); break;
            }
        }
        return new ContainerRecord
        {
            OciVersion = ociVersion,
            Id = id,
            InitPid = initPid,
            InitStartTime = initStartTime,
            Bundle = bundle,
            Rootfs = rootfs,
            Created = created,
            Owner = owner,
            Annotations = annotations,
            CgroupsPath = cgroupsPath,
            SystemdCgroup = systemdCgroup,
            NamespacePaths = namespacePaths,
            HasPidNamespace = hasPidNamespace,
            Hooks = hooks,
            Creating = creating,
        };
    }

    // Member names in the schema's order (config.md "POSIX-platform Hooks").
    private static readonly string[] HookKinds = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"];

    private static Hook[]?[] HookLists(Hooks h) =>
        [h.Prestart, h.CreateRuntime, h.CreateContainer, h.StartContainer, h.Poststart, h.Poststop];

    private static void WriteHooks(JsonBytes w, Hooks hooks)
    {
        w.StartObject();
        var lists = HookLists(hooks);
        for (int i = 0; i < HookKinds.Length; i++)
        {
            if (lists[i] is not { } list)
                continue;
            w.Name(HookKinds[i]).StartArray();
            foreach (var hook in list)
            {
                w.StartObject().Optional("path"u8, hook.Path);
                WriteStrings(w, "args"u8, hook.Args);
                WriteStrings(w, "env"u8, hook.Env);
                if (hook.Timeout is { } t)
                    w.Name("timeout"u8).Number(t);
                w.EndObject();
            }
            w.EndArray();
        }
        w.EndObject();
    }

    private static Hooks? ReadHooks(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.StartObject, "hooks");
        var lists = new Hook[]?[HookKinds.Length];
        while (NextMember(ref reader, out var name))
        {
            int kind = Array.IndexOf(HookKinds, name);
            if (kind < 0)
            {
                reader.Skip();
                continue;
            }
            lists[kind] = ReadHookList(ref reader, name);
        }
        return new Hooks
        {
            Prestart = lists[0],
            CreateRuntime = lists[1],
            CreateContainer = lists[2],
            StartContainer = lists[3],
            Poststart = lists[4],
            Poststop = lists[5],
        };
    }

    private static Hook[]? ReadHookList(ref Utf8JsonReader reader, string kind)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.StartArray, kind);
        var hooks = new List<Hook>();
        while (Advance(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, kind);
            string path = "";
            string[]? args = null, env = null;
            int? timeout = null;
            while (NextMember(ref reader, out var name))
            {
                switch (name)
                {
                    case "path": path = ReadString(ref reader, name) ?? ""; break;
                    case "args": args = ReadStrings(ref reader, name); break;
                    case "env": env = ReadStrings(ref reader, name); break;
                    case "timeout": timeout = reader.TokenType == JsonTokenType.Null ? null : ReadInt(ref reader, name); break;
                    default: reader.Skip(); break;
                }
            }
            hooks.Add(new Hook { Path = path, Args = args, Env = env, Timeout = timeout });
        }
        return hooks.ToArray();
    }

    internal static void WriteMap(JsonBytes w, ReadOnlySpan<byte> name, Dictionary<string, string>? map)
    {
        if (map is null)
            return;
        w.Name(name).StartObject();
        foreach (var (k, v) in map)
            w.Name(k).String(v);
        w.EndObject();
    }

    private static void WriteStrings(JsonBytes w, ReadOnlySpan<byte> name, string[]? values)
    {
        if (values is null)
            return;
        w.Name(name).StartArray();
        foreach (var v in values)
            w.String(v);
        w.EndArray();
    }

    /// <summary>Moves to the next member of the current object: true with its name and the reader on its value, false at the object's end.</summary>
    private static bool NextMember(ref Utf8JsonReader reader, out string name)
    {
        if (Advance(ref reader) == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }
        name = reader.GetString()!;
        Advance(ref reader);
        return true;
    }

    private static JsonTokenType Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException($"unexpected end of data at byte {reader.BytesConsumed}");
        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
            throw new JsonException($"{what}: expected {Describe(type)}, found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}");
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.String, name);
        return reader.GetString();
    }

    private static int ReadInt(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.Number, name);
        return reader.GetInt32();
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            Expect(ref reader, JsonTokenType.True, name);
        return reader.GetBoolean();
    }

    private static string[]? ReadStrings(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.StartArray, name);
        var values = new List<string>();
        while (Advance(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.String, name);
            values.Add(reader.GetString()!);
        }
        return values.ToArray();
    }

    private static Dictionary<string, string>? ReadMap(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        Expect(ref reader, JsonTokenType.StartObject, name);
        var map = new Dictionary<string, string>();
        while (NextMember(ref reader, out var key))
        {
            Expect(ref reader, JsonTokenType.String, name);
            // A duplicate key: the last one wins, as with the serializer.
            map[key] = reader.GetString()!;
        }
        return map;
    }
}
