using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

using static OciRuntime.Core.Spec.JsonOptional;

namespace OciRuntime.Core.Spec;

/// <summary>
/// The `features` document written by hand, byte for byte what
/// <c>JsonSerializer.Serialize(features, FeaturesJson.Default.Features)</c>
/// writes (two-space indent as runc prints it, declaration order, null
/// members left out): the serializer's machinery would otherwise be linked
/// into the binary for this one command.
/// </summary>
public static class FeaturesWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Write(Features f)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            Str(w, "ociVersionMin"u8, f.OciVersionMin);
            Str(w, "ociVersionMax"u8, f.OciVersionMax);
            Strings(w, "hooks"u8, f.Hooks);
            Strings(w, "mountOptions"u8, f.MountOptions);
            if (f.Linux is { } linux)
            {
                w.WritePropertyName("linux"u8);
                WriteLinux(w, linux);
            }
            if (f.Annotations is { } annotations)
            {
                w.WriteStartObject("annotations"u8);
                foreach (var (key, value) in annotations)
                    w.WriteString(key, value); // a null value gives null, as the serializer writes map values
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteLinux(Utf8JsonWriter w, LinuxFeatures l)
    {
        w.WriteStartObject();
        Strings(w, "namespaces"u8, l.Namespaces);
        Strings(w, "capabilities"u8, l.Capabilities);
        if (l.Cgroup is { } c)
        {
            w.WriteStartObject("cgroup"u8);
            Bool(w, "v1"u8, c.V1);
            Bool(w, "v2"u8, c.V2);
            Bool(w, "systemd"u8, c.Systemd);
            Bool(w, "systemdUser"u8, c.SystemdUser);
            Bool(w, "rdma"u8, c.Rdma);
            w.WriteEndObject();
        }
        if (l.Seccomp is { } s)
        {
            w.WriteStartObject("seccomp"u8);
            Bool(w, "enabled"u8, s.Enabled);
            Strings(w, "actions"u8, s.Actions);
            Strings(w, "operators"u8, s.Operators);
            Strings(w, "archs"u8, s.Archs);
            Strings(w, "knownFlags"u8, s.KnownFlags);
            Strings(w, "supportedFlags"u8, s.SupportedFlags);
            w.WriteEndObject();
        }
        Enabled(w, "apparmor"u8, l.Apparmor);
        Enabled(w, "selinux"u8, l.Selinux);
        Enabled(w, "intelRdt"u8, l.IntelRdt);
        if (l.MountExtensions is { } m)
        {
            w.WriteStartObject("mountExtensions"u8);
            Enabled(w, "idmap"u8, m.Idmap);
            w.WriteEndObject();
        }
        Enabled(w, "netDevices"u8, l.NetDevices);
        w.WriteEndObject();
    }

    private static void Enabled(Utf8JsonWriter w, ReadOnlySpan<byte> name, EnabledFeature? feature)
    {
        if (feature is null)
            return;
        w.WriteStartObject(name);
        Bool(w, "enabled"u8, feature.Enabled);
        w.WriteEndObject();
    }

}
