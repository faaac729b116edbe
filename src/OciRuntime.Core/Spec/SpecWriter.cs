using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

using static OciRuntime.Core.Spec.JsonOptional;

namespace OciRuntime.Core.Spec;

/// <summary>
/// Writes a ContainerConfig as JSON by hand, byte for byte what
/// <c>JsonSerializer.SerializeToUtf8Bytes(config, SpecJson.Default.ContainerConfig)</c>
/// writes (declaration order, null properties left out): `exec` sends the
/// config it changed to the init without building the serializer's
/// metadata. The mirror of <see cref="SpecReader"/>.
/// </summary>
public static partial class SpecWriter
{
    public static byte[] Write(ContainerConfig config)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
            WriteContainerConfig(w, config);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="config"/> to <paramref name="writer"/>, with the writer's options (e.g. indented for `spec`).</summary>
    public static void Write(Utf8JsonWriter writer, ContainerConfig config) => WriteContainerConfig(writer, config);

    private static void U32Array(Utf8JsonWriter w, ReadOnlySpan<byte> name, uint[]? values)
    {
        if (values is null)
            return;
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Map<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, Dictionary<string, T>? map, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (map is null)
            return;
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WritePropertyName(key);
            if (value is null)
                w.WriteNullValue();
            else
                write(w, value);
        }
        w.WriteEndObject();
    }

    private static void StringMap(Utf8JsonWriter w, ReadOnlySpan<byte> name, Dictionary<string, string>? map) =>
        Map(w, name, map, static (w, s) => w.WriteStringValue(s));

    private static void WriteContainerConfig(Utf8JsonWriter w, ContainerConfig x)
    {
        w.WriteStartObject();
        Str(w, "ociVersion"u8, x.OciVersion);
        Obj(w, "root"u8, x.Root, WriteRoot);
        Array(w, "mounts"u8, x.Mounts, WriteMount);
        Obj(w, "process"u8, x.Process, WriteProcess);
        Str(w, "hostname"u8, x.Hostname);
        Str(w, "domainname"u8, x.Domainname);
        Obj(w, "hooks"u8, x.Hooks, WriteHooks);
        StringMap(w, "annotations"u8, x.Annotations);
        Obj(w, "linux"u8, x.Linux, WriteLinux);
        w.WriteEndObject();
    }

    private static void WriteRoot(Utf8JsonWriter w, Root x)
    {
        w.WriteStartObject();
        Str(w, "path"u8, x.Path);
        w.WriteBoolean("readonly"u8, x.Readonly);
        w.WriteEndObject();
    }

    private static void WriteMount(Utf8JsonWriter w, Mount x)
    {
        w.WriteStartObject();
        Str(w, "destination"u8, x.Destination);
        Str(w, "source"u8, x.Source);
        Str(w, "type"u8, x.Type);
        Strings(w, "options"u8, x.Options);
        Array(w, "uidMappings"u8, x.UidMappings, WriteIdMapping);
        Array(w, "gidMappings"u8, x.GidMappings, WriteIdMapping);
        w.WriteEndObject();
    }

    private static void WriteIdMapping(Utf8JsonWriter w, IdMapping x)
    {
        w.WriteStartObject();
        w.WriteNumber("containerID"u8, x.ContainerId);
        w.WriteNumber("hostID"u8, x.HostId);
        w.WriteNumber("size"u8, x.Size);
        w.WriteEndObject();
    }

    private static void WriteHooks(Utf8JsonWriter w, Hooks x)
    {
        w.WriteStartObject();
        Array(w, "prestart"u8, x.Prestart, WriteHook);
        Array(w, "createRuntime"u8, x.CreateRuntime, WriteHook);
        Array(w, "createContainer"u8, x.CreateContainer, WriteHook);
        Array(w, "startContainer"u8, x.StartContainer, WriteHook);
        Array(w, "poststart"u8, x.Poststart, WriteHook);
        Array(w, "poststop"u8, x.Poststop, WriteHook);
        w.WriteEndObject();
    }

    private static void WriteHook(Utf8JsonWriter w, Hook x)
    {
        w.WriteStartObject();
        Str(w, "path"u8, x.Path);
        Strings(w, "args"u8, x.Args);
        Strings(w, "env"u8, x.Env);
        Num(w, "timeout"u8, x.Timeout);
        w.WriteEndObject();
    }

    private static void WriteProcess(Utf8JsonWriter w, Process x)
    {
        w.WriteStartObject();
        w.WriteBoolean("terminal"u8, x.Terminal);
        Obj(w, "consoleSize"u8, x.ConsoleSize, WriteConsoleSize);
        Obj(w, "user"u8, x.User, WriteUser);
        Strings(w, "args"u8, x.Args);
        Str(w, "commandLine"u8, x.CommandLine);
        Strings(w, "env"u8, x.Env);
        Str(w, "cwd"u8, x.Cwd);
        Obj(w, "capabilities"u8, x.Capabilities, WriteCapabilities);
        Array(w, "rlimits"u8, x.Rlimits, WriteRlimit);
        w.WriteBoolean("noNewPrivileges"u8, x.NoNewPrivileges);
        Str(w, "apparmorProfile"u8, x.ApparmorProfile);
        Num(w, "oomScoreAdj"u8, x.OomScoreAdj);
        Obj(w, "scheduler"u8, x.Scheduler, WriteScheduler);
        Str(w, "selinuxLabel"u8, x.SelinuxLabel);
        Obj(w, "ioPriority"u8, x.IoPriority, WriteIoPriority);
        Obj(w, "execCPUAffinity"u8, x.ExecCpuAffinity, WriteExecCpuAffinity);
        w.WriteEndObject();
    }

    private static void WriteConsoleSize(Utf8JsonWriter w, ConsoleSize x)
    {
        w.WriteStartObject();
        w.WriteNumber("height"u8, x.Height);
        w.WriteNumber("width"u8, x.Width);
        w.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter w, User x)
    {
        w.WriteStartObject();
        w.WriteNumber("uid"u8, x.Uid);
        w.WriteNumber("gid"u8, x.Gid);
        Num(w, "umask"u8, x.Umask);
        U32Array(w, "additionalGids"u8, x.AdditionalGids);
        Str(w, "username"u8, x.Username);
        w.WriteEndObject();
    }

    private static void WriteCapabilities(Utf8JsonWriter w, Capabilities x)
    {
        w.WriteStartObject();
        Strings(w, "bounding"u8, x.Bounding);
        Strings(w, "effective"u8, x.Effective);
        Strings(w, "inheritable"u8, x.Inheritable);
        Strings(w, "permitted"u8, x.Permitted);
        Strings(w, "ambient"u8, x.Ambient);
        w.WriteEndObject();
    }

    private static void WriteRlimit(Utf8JsonWriter w, Rlimit x)
    {
        w.WriteStartObject();
        Str(w, "type"u8, x.Type);
        w.WriteNumber("hard"u8, x.Hard);
        w.WriteNumber("soft"u8, x.Soft);
        w.WriteEndObject();
    }

    private static void WriteScheduler(Utf8JsonWriter w, Scheduler x)
    {
        w.WriteStartObject();
        Str(w, "policy"u8, x.Policy);
        w.WriteNumber("nice"u8, x.Nice);
        w.WriteNumber("priority"u8, x.Priority);
        Strings(w, "flags"u8, x.Flags);
        w.WriteNumber("runtime"u8, x.Runtime);
        w.WriteNumber("deadline"u8, x.Deadline);
        w.WriteNumber("period"u8, x.Period);
        w.WriteEndObject();
    }

    private static void WriteIoPriority(Utf8JsonWriter w, IoPriority x)
    {
        w.WriteStartObject();
        Str(w, "class"u8, x.Class);
        w.WriteNumber("priority"u8, x.Priority);
        w.WriteEndObject();
    }

    private static void WriteExecCpuAffinity(Utf8JsonWriter w, ExecCpuAffinity x)
    {
        w.WriteStartObject();
        Str(w, "initial"u8, x.Initial);
        Str(w, "final"u8, x.Final);
        w.WriteEndObject();
    }
}
