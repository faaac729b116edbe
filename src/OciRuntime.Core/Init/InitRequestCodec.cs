using System;
using System.Text.Json;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Spec;
using static OciRuntime.Core.Spec.SpecReader;

namespace OciRuntime.Core.Init;

/// <summary>
/// The InitRequest on the wire, by hand: the serializer's metadata for the
/// request would cost the init (a fresh process, cold) as much as the whole
/// rest of its setup. The config travels as the validated config.json bytes
/// and the init decodes it with <see cref="SpecReader"/>. One JSON object;
/// a new field is one line in <see cref="Encode"/> and one in <see cref="ReadRequest"/>.
/// </summary>
public static class InitRequestCodec
{
    /// <param name="rawConfig">The validated JSON that <c>request.Config</c> was decoded from (request.Config itself is not written).</param>
    public static byte[] Encode(InitRequest request, ReadOnlySpan<byte> rawConfig)
    {
        var w = new JsonBytes(rawConfig.Length + 512 + (request.Seccomp?.Program.Length ?? 0) * 4 / 3 + request.HookState.Length * 2).StartObject()
            .Name("config"u8).Raw(rawConfig)
            .Name("bundle"u8).String(request.Bundle)
            .Name("rootfs"u8).String(request.Rootfs)
            .Name("noPivot"u8).Bool(request.NoPivot)
            .Name("noNewKeyring"u8).Bool(request.NoNewKeyring)
            .Name("preserveFds"u8).Number(request.PreserveFds)
            .Name("id"u8).String(request.Id)
            .Name("hookState"u8).String(request.HookState)
            .Name("lastCap"u8).Number(request.LastCap);
        if (request.Seccomp is { } filter)
        {
            w.Name("seccomp"u8).StartObject()
                .Name("program"u8).Base64(filter.Program)
                .Name("flags"u8).Number(filter.Flags)
                .EndObject();
        }
        w.Name("exec"u8).Bool(request.Exec)
            .Optional("cgroupMembership"u8, request.CgroupMembership)
            .Name("unshareCgroupNamespace"u8).Bool(request.UnshareCgroupNamespace)
            .Name("cgroupSelfJoin"u8).StartArray();
        foreach (var file in request.CgroupSelfJoin)
            w.String(file);
        return w.EndArray()
            .Name("cgroupRuntimeJoin"u8).Bool(request.CgroupRuntimeJoin)
            .EndObject().ToArray();
    }

    public static InitRequest Decode(ReadOnlySpan<byte> json) =>
        Read(json, "init request", ReadRequest) ?? throw new Linux.RuntimeException("init request: (root): expected an object, got null");

    private static InitRequest? ReadRequest(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new InitRequest();
        while (Property(ref r))
            x = Is(ref r, "config"u8) ? x with { Config = ReadContainerConfig(ref r) ?? throw Expected(ref r, "an object") }
              : Is(ref r, "bundle"u8) ? x with { Bundle = Text(ref r) }
              : Is(ref r, "rootfs"u8) ? x with { Rootfs = Text(ref r) }
              : Is(ref r, "noPivot"u8) ? x with { NoPivot = Bool(ref r) }
              : Is(ref r, "noNewKeyring"u8) ? x with { NoNewKeyring = Bool(ref r) }
              : Is(ref r, "preserveFds"u8) ? x with { PreserveFds = I32(ref r) }
              : Is(ref r, "id"u8) ? x with { Id = Text(ref r) }
              : Is(ref r, "hookState"u8) ? x with { HookState = Text(ref r) }
              : Is(ref r, "lastCap"u8) ? x with { LastCap = I32(ref r) }
              : Is(ref r, "seccomp"u8) ? x with { Seccomp = ReadFilter(ref r) }
              : Is(ref r, "exec"u8) ? x with { Exec = Bool(ref r) }
              : Is(ref r, "cgroupMembership"u8) ? x with { CgroupMembership = Str(ref r) }
              : Is(ref r, "unshareCgroupNamespace"u8) ? x with { UnshareCgroupNamespace = Bool(ref r) }
              : Is(ref r, "cgroupSelfJoin"u8) ? x with { CgroupSelfJoin = Strings(ref r) ?? [] }
              : Is(ref r, "cgroupRuntimeJoin"u8) ? x with { CgroupRuntimeJoin = Bool(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static SeccompFilter? ReadFilter(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new SeccompFilter();
        while (Property(ref r))
            x = Is(ref r, "program"u8) ? x with { Program = r.TokenType == JsonTokenType.String ? r.GetBytesFromBase64() : throw Expected(ref r, "base64 text") }
              : Is(ref r, "flags"u8) ? x with { Flags = U32(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static string Text(ref Utf8JsonReader r) => Str(ref r) ?? throw Expected(ref r, "a string");
}
