using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>config.json's top level, mounts and hooks (config.md).</summary>
public static partial class SpecReader
{
    internal static ContainerConfig? ReadContainerConfig(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new ContainerConfig { OciVersion = null! };
        while (Property(ref r))
            x = Is(ref r, "ociVersion"u8) ? x with { OciVersion = Str(ref r)! }
              : Is(ref r, "root"u8) ? x with { Root = ReadRoot(ref r) }
              : Is(ref r, "mounts"u8) ? x with { Mounts = Array<Mount>(ref r, ReadMount) }
              : Is(ref r, "process"u8) ? x with { Process = ReadProcess(ref r) }
              : Is(ref r, "hostname"u8) ? x with { Hostname = Str(ref r) }
              : Is(ref r, "domainname"u8) ? x with { Domainname = Str(ref r) }
              : Is(ref r, "hooks"u8) ? x with { Hooks = ReadHooks(ref r) }
              : Is(ref r, "annotations"u8) ? x with { Annotations = StringMap(ref r) }
              : Is(ref r, "linux"u8) ? x with { Linux = ReadLinux(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Root? ReadRoot(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Root { Path = null! };
        while (Property(ref r))
            x = Is(ref r, "path"u8) ? x with { Path = Str(ref r)! }
              : Is(ref r, "readonly"u8) ? x with { Readonly = Bool(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Mount? ReadMount(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Mount { Destination = null! };
        while (Property(ref r))
            x = Is(ref r, "destination"u8) ? x with { Destination = Str(ref r)! }
              : Is(ref r, "source"u8) ? x with { Source = Str(ref r) }
              : Is(ref r, "type"u8) ? x with { Type = Str(ref r) }
              : Is(ref r, "options"u8) ? x with { Options = Strings(ref r) }
              : Is(ref r, "uidMappings"u8) ? x with { UidMappings = Array<IdMapping>(ref r, ReadIdMapping) }
              : Is(ref r, "gidMappings"u8) ? x with { GidMappings = Array<IdMapping>(ref r, ReadIdMapping) }
              : Skip(ref r, x);
        return x;
    }

    private static IdMapping? ReadIdMapping(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new IdMapping();
        while (Property(ref r))
            x = Is(ref r, "containerID"u8) ? x with { ContainerId = U32(ref r) }
              : Is(ref r, "hostID"u8) ? x with { HostId = U32(ref r) }
              : Is(ref r, "size"u8) ? x with { Size = U32(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Hooks? ReadHooks(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Hooks();
        while (Property(ref r))
            x = Is(ref r, "prestart"u8) ? x with { Prestart = Array<Hook>(ref r, ReadHook) }
              : Is(ref r, "createRuntime"u8) ? x with { CreateRuntime = Array<Hook>(ref r, ReadHook) }
              : Is(ref r, "createContainer"u8) ? x with { CreateContainer = Array<Hook>(ref r, ReadHook) }
              : Is(ref r, "startContainer"u8) ? x with { StartContainer = Array<Hook>(ref r, ReadHook) }
              : Is(ref r, "poststart"u8) ? x with { Poststart = Array<Hook>(ref r, ReadHook) }
              : Is(ref r, "poststop"u8) ? x with { Poststop = Array<Hook>(ref r, ReadHook) }
              : Skip(ref r, x);
        return x;
    }

    private static Hook? ReadHook(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Hook { Path = null! };
        while (Property(ref r))
            x = Is(ref r, "path"u8) ? x with { Path = Str(ref r)! }
              : Is(ref r, "args"u8) ? x with { Args = Strings(ref r) }
              : Is(ref r, "env"u8) ? x with { Env = Strings(ref r) }
              : Is(ref r, "timeout"u8) ? x with { Timeout = I32OrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }
}
