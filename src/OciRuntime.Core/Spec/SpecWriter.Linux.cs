using System.Text.Json;

using static OciRuntime.Core.Spec.JsonOptional;

namespace OciRuntime.Core.Spec;

/// <summary>linux and its parts (config-linux.md).</summary>
public static partial class SpecWriter
{
    private static void WriteLinux(Utf8JsonWriter w, Linux x)
    {
        w.WriteStartObject();
        Array(w, "uidMappings"u8, x.UidMappings, WriteIdMapping);
        Array(w, "gidMappings"u8, x.GidMappings, WriteIdMapping);
        StringMap(w, "sysctl"u8, x.Sysctl);
        Obj(w, "resources"u8, x.Resources, WriteLinuxResources);
        Str(w, "cgroupsPath"u8, x.CgroupsPath);
        Array(w, "namespaces"u8, x.Namespaces, WriteLinuxNamespace);
        Array(w, "devices"u8, x.Devices, WriteLinuxDevice);
        Map(w, "netDevices"u8, x.NetDevices, WriteNetDevice);
        Obj(w, "seccomp"u8, x.Seccomp, WriteSeccomp);
        Str(w, "rootfsPropagation"u8, x.RootfsPropagation);
        Strings(w, "maskedPaths"u8, x.MaskedPaths);
        Strings(w, "readonlyPaths"u8, x.ReadonlyPaths);
        Str(w, "mountLabel"u8, x.MountLabel);
        Obj(w, "intelRdt"u8, x.IntelRdt, WriteIntelRdt);
        Obj(w, "memoryPolicy"u8, x.MemoryPolicy, WriteMemoryPolicy);
        Obj(w, "personality"u8, x.Personality, WritePersonality);
        Map(w, "timeOffsets"u8, x.TimeOffsets, WriteTimeOffset);
        w.WriteEndObject();
    }

    private static void WriteLinuxNamespace(Utf8JsonWriter w, LinuxNamespace x)
    {
        w.WriteStartObject();
        Str(w, "type"u8, x.Type);
        Str(w, "path"u8, x.Path);
        w.WriteEndObject();
    }

    private static void WriteLinuxDevice(Utf8JsonWriter w, LinuxDevice x)
    {
        w.WriteStartObject();
        Str(w, "type"u8, x.Type);
        Str(w, "path"u8, x.Path);
        w.WriteNumber("major"u8, x.Major);
        w.WriteNumber("minor"u8, x.Minor);
        Num(w, "fileMode"u8, x.FileMode);
        Num(w, "uid"u8, x.Uid);
        Num(w, "gid"u8, x.Gid);
        w.WriteEndObject();
    }

    private static void WriteNetDevice(Utf8JsonWriter w, NetDevice x)
    {
        w.WriteStartObject();
        Str(w, "name"u8, x.Name);
        w.WriteEndObject();
    }

    private static void WriteSeccomp(Utf8JsonWriter w, Seccomp x)
    {
        w.WriteStartObject();
        Str(w, "defaultAction"u8, x.DefaultAction);
        Num(w, "defaultErrnoRet"u8, x.DefaultErrnoRet);
        Strings(w, "architectures"u8, x.Architectures);
        Strings(w, "flags"u8, x.Flags);
        Str(w, "listenerPath"u8, x.ListenerPath);
        Str(w, "listenerMetadata"u8, x.ListenerMetadata);
        Array(w, "syscalls"u8, x.Syscalls, WriteSeccompSyscall);
        w.WriteEndObject();
    }

    private static void WriteSeccompSyscall(Utf8JsonWriter w, SeccompSyscall x)
    {
        w.WriteStartObject();
        Strings(w, "names"u8, x.Names);
        Str(w, "action"u8, x.Action);
        Num(w, "errnoRet"u8, x.ErrnoRet);
        Array(w, "args"u8, x.Args, WriteSeccompArg);
        w.WriteEndObject();
    }

    private static void WriteSeccompArg(Utf8JsonWriter w, SeccompArg x)
    {
        w.WriteStartObject();
        w.WriteNumber("index"u8, x.Index);
        w.WriteNumber("value"u8, x.Value);
        Num(w, "valueTwo"u8, x.ValueTwo);
        Str(w, "op"u8, x.Op);
        w.WriteEndObject();
    }

    private static void WriteIntelRdt(Utf8JsonWriter w, IntelRdt x)
    {
        w.WriteStartObject();
        Str(w, "closID"u8, x.ClosId);
        Strings(w, "schemata"u8, x.Schemata);
        Str(w, "l3CacheSchema"u8, x.L3CacheSchema);
        Str(w, "memBwSchema"u8, x.MemBwSchema);
        Bool(w, "enableMonitoring"u8, x.EnableMonitoring);
        w.WriteEndObject();
    }

    private static void WriteMemoryPolicy(Utf8JsonWriter w, MemoryPolicy x)
    {
        w.WriteStartObject();
        Str(w, "mode"u8, x.Mode);
        Str(w, "nodes"u8, x.Nodes);
        Strings(w, "flags"u8, x.Flags);
        w.WriteEndObject();
    }

    private static void WritePersonality(Utf8JsonWriter w, Personality x)
    {
        w.WriteStartObject();
        Str(w, "domain"u8, x.Domain);
        Strings(w, "flags"u8, x.Flags);
        w.WriteEndObject();
    }

    private static void WriteTimeOffset(Utf8JsonWriter w, TimeOffset x)
    {
        w.WriteStartObject();
        w.WriteNumber("secs"u8, x.Secs);
        w.WriteNumber("nanosecs"u8, x.Nanosecs);
        w.WriteEndObject();
    }
}
