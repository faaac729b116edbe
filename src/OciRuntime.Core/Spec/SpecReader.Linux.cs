using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>linux and its parts except resources (config-linux.md).</summary>
public static partial class SpecReader
{
    private static Linux? ReadLinux(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Linux();
        while (Property(ref r))
            x = Is(ref r, "uidMappings"u8) ? x with { UidMappings = Array<IdMapping>(ref r, ReadIdMapping) }
              : Is(ref r, "gidMappings"u8) ? x with { GidMappings = Array<IdMapping>(ref r, ReadIdMapping) }
              : Is(ref r, "sysctl"u8) ? x with { Sysctl = StringMap(ref r) }
              : Is(ref r, "resources"u8) ? x with { Resources = ReadLinuxResources(ref r) }
              : Is(ref r, "cgroupsPath"u8) ? x with { CgroupsPath = Str(ref r) }
              : Is(ref r, "namespaces"u8) ? x with { Namespaces = Array<LinuxNamespace>(ref r, ReadLinuxNamespace) }
              : Is(ref r, "devices"u8) ? x with { Devices = Array<LinuxDevice>(ref r, ReadLinuxDevice) }
              : Is(ref r, "netDevices"u8) ? x with { NetDevices = Map<NetDevice>(ref r, ReadNetDevice) }
              : Is(ref r, "seccomp"u8) ? x with { Seccomp = ReadSeccomp(ref r) }
              : Is(ref r, "rootfsPropagation"u8) ? x with { RootfsPropagation = Str(ref r) }
              : Is(ref r, "maskedPaths"u8) ? x with { MaskedPaths = Strings(ref r) }
              : Is(ref r, "readonlyPaths"u8) ? x with { ReadonlyPaths = Strings(ref r) }
              : Is(ref r, "mountLabel"u8) ? x with { MountLabel = Str(ref r) }
              : Is(ref r, "intelRdt"u8) ? x with { IntelRdt = ReadIntelRdt(ref r) }
              : Is(ref r, "memoryPolicy"u8) ? x with { MemoryPolicy = ReadMemoryPolicy(ref r) }
              : Is(ref r, "personality"u8) ? x with { Personality = ReadPersonality(ref r) }
              : Is(ref r, "timeOffsets"u8) ? x with { TimeOffsets = Map<TimeOffset>(ref r, ReadTimeOffset) }
              : Skip(ref r, x);
        return x;
    }

    private static LinuxNamespace? ReadLinuxNamespace(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new LinuxNamespace { Type = null! };
        while (Property(ref r))
            x = Is(ref r, "type"u8) ? x with { Type = Str(ref r)! }
              : Is(ref r, "path"u8) ? x with { Path = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static LinuxDevice? ReadLinuxDevice(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new LinuxDevice { Type = null!, Path = null! };
        while (Property(ref r))
            x = Is(ref r, "type"u8) ? x with { Type = Str(ref r)! }
              : Is(ref r, "path"u8) ? x with { Path = Str(ref r)! }
              : Is(ref r, "major"u8) ? x with { Major = I64(ref r) }
              : Is(ref r, "minor"u8) ? x with { Minor = I64(ref r) }
              : Is(ref r, "fileMode"u8) ? x with { FileMode = U32OrNull(ref r) }
              : Is(ref r, "uid"u8) ? x with { Uid = U32OrNull(ref r) }
              : Is(ref r, "gid"u8) ? x with { Gid = U32OrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static NetDevice? ReadNetDevice(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new NetDevice();
        while (Property(ref r))
            x = Is(ref r, "name"u8) ? x with { Name = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Seccomp? ReadSeccomp(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Seccomp { DefaultAction = null! };
        while (Property(ref r))
            x = Is(ref r, "defaultAction"u8) ? x with { DefaultAction = Str(ref r)! }
              : Is(ref r, "defaultErrnoRet"u8) ? x with { DefaultErrnoRet = U32OrNull(ref r) }
              : Is(ref r, "architectures"u8) ? x with { Architectures = Strings(ref r) }
              : Is(ref r, "flags"u8) ? x with { Flags = Strings(ref r) }
              : Is(ref r, "listenerPath"u8) ? x with { ListenerPath = Str(ref r) }
              : Is(ref r, "listenerMetadata"u8) ? x with { ListenerMetadata = Str(ref r) }
              : Is(ref r, "syscalls"u8) ? x with { Syscalls = Array<SeccompSyscall>(ref r, ReadSeccompSyscall) }
              : Skip(ref r, x);
        return x;
    }

    private static SeccompSyscall? ReadSeccompSyscall(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new SeccompSyscall { Names = null!, Action = null! };
        while (Property(ref r))
            x = Is(ref r, "names"u8) ? x with { Names = Strings(ref r)! }
              : Is(ref r, "action"u8) ? x with { Action = Str(ref r)! }
              : Is(ref r, "errnoRet"u8) ? x with { ErrnoRet = U32OrNull(ref r) }
              : Is(ref r, "args"u8) ? x with { Args = Array<SeccompArg>(ref r, ReadSeccompArg) }
              : Skip(ref r, x);
        return x;
    }

    private static SeccompArg? ReadSeccompArg(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new SeccompArg { Op = null! };
        while (Property(ref r))
            x = Is(ref r, "index"u8) ? x with { Index = U32(ref r) }
              : Is(ref r, "value"u8) ? x with { Value = U64(ref r) }
              : Is(ref r, "valueTwo"u8) ? x with { ValueTwo = U64OrNull(ref r) }
              : Is(ref r, "op"u8) ? x with { Op = Str(ref r)! }
              : Skip(ref r, x);
        return x;
    }

    private static IntelRdt? ReadIntelRdt(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new IntelRdt();
        while (Property(ref r))
            x = Is(ref r, "closID"u8) ? x with { ClosId = Str(ref r) }
              : Is(ref r, "schemata"u8) ? x with { Schemata = Strings(ref r) }
              : Is(ref r, "l3CacheSchema"u8) ? x with { L3CacheSchema = Str(ref r) }
              : Is(ref r, "memBwSchema"u8) ? x with { MemBwSchema = Str(ref r) }
              : Is(ref r, "enableMonitoring"u8) ? x with { EnableMonitoring = BoolOrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static MemoryPolicy? ReadMemoryPolicy(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new MemoryPolicy { Mode = null! };
        while (Property(ref r))
            x = Is(ref r, "mode"u8) ? x with { Mode = Str(ref r)! }
              : Is(ref r, "nodes"u8) ? x with { Nodes = Str(ref r) }
              : Is(ref r, "flags"u8) ? x with { Flags = Strings(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Personality? ReadPersonality(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Personality { Domain = null! };
        while (Property(ref r))
            x = Is(ref r, "domain"u8) ? x with { Domain = Str(ref r)! }
              : Is(ref r, "flags"u8) ? x with { Flags = Strings(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static TimeOffset? ReadTimeOffset(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new TimeOffset();
        while (Property(ref r))
            x = Is(ref r, "secs"u8) ? x with { Secs = I64(ref r) }
              : Is(ref r, "nanosecs"u8) ? x with { Nanosecs = U32(ref r) }
              : Skip(ref r, x);
        return x;
    }
}
