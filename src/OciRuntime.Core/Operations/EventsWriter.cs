using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using OciRuntime.Core.Linux.Cgroups.Stats;

using static OciRuntime.Core.Spec.JsonOptional;

namespace OciRuntime.Core.Operations;

/// <summary>
/// One `events` line written by hand, byte for byte what
/// <c>JsonSerializer.Serialize(e, EventsJson.Default.ContainerEvent)</c>
/// writes: compact, declaration order, null members left out, and the
/// counters marked "omit when zero" left out at zero (runc's `omitempty`,
/// which engines rely on to tell "not reported" from 0). Keeps the
/// serializer and its metadata out of the binary.
/// </summary>
public static class EventsWriter
{
    public static string Write(ContainerEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(e.Data is null ? 64 : 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Str(w, "type"u8, e.Type);
            Str(w, "id"u8, e.Id);
            if (e.Data is { } data)
            {
                w.WritePropertyName("data"u8);
                WriteStats(w, data);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStats(Utf8JsonWriter w, CgroupStats s)
    {
        w.WriteStartObject();
        Obj(w, "cpu"u8, s.Cpu, WriteCpu);
        Obj(w, "memory"u8, s.Memory, WriteMemory);
        Obj(w, "pids"u8, s.Pids, WritePids);
        Obj(w, "blkio"u8, s.Blkio, WriteBlkio);
        if (s.Hugetlb is { } hugetlb)
        {
            w.WriteStartObject("hugetlb"u8);
            foreach (var (size, h) in hugetlb)
            {
                w.WritePropertyName(size);
                // A null map value is written as null: omission applies to members only.
                if (h is null)
                    w.WriteNullValue();
                else
                    WriteHugetlb(w, h);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteCpu(Utf8JsonWriter w, CpuStats c)
    {
        w.WriteStartObject();
        Obj(w, "usage"u8, c.Usage, WriteCpuUsage);
        Obj(w, "throttling"u8, c.Throttling, WriteThrottling);
        w.WriteEndObject();
    }

    private static void WriteCpuUsage(Utf8JsonWriter w, CpuUsage u)
    {
        w.WriteStartObject();
        NonZero(w, "total"u8, u.Total);
        if (u.Percpu is { } percpu)
        {
            w.WriteStartArray("percpu"u8);
            foreach (var n in percpu)
                w.WriteNumberValue(n);
            w.WriteEndArray();
        }
        w.WriteNumber("kernel"u8, u.Kernel);
        w.WriteNumber("user"u8, u.User);
        w.WriteEndObject();
    }

    private static void WriteThrottling(Utf8JsonWriter w, CpuThrottling t)
    {
        w.WriteStartObject();
        NonZero(w, "periods"u8, t.Periods);
        NonZero(w, "throttledPeriods"u8, t.ThrottledPeriods);
        NonZero(w, "throttledTime"u8, t.ThrottledTime);
        w.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter w, MemoryStats m)
    {
        w.WriteStartObject();
        NonZero(w, "cache"u8, m.Cache);
        Obj(w, "usage"u8, m.Usage, WriteMemoryEntry);
        Obj(w, "swap"u8, m.Swap, WriteMemoryEntry);
        Obj(w, "kernel"u8, m.Kernel, WriteMemoryEntry);
        if (m.Raw is { } raw)
        {
            w.WriteStartObject("raw"u8);
            foreach (var (key, value) in raw)
                w.WriteNumber(key, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteMemoryEntry(Utf8JsonWriter w, MemoryEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("limit"u8, e.Limit);
        NonZero(w, "usage"u8, e.Usage);
        NonZero(w, "max"u8, e.Max);
        w.WriteNumber("failcnt"u8, e.Failcnt);
        w.WriteEndObject();
    }

    private static void WritePids(Utf8JsonWriter w, PidsStats p)
    {
        w.WriteStartObject();
        NonZero(w, "current"u8, p.Current);
        NonZero(w, "limit"u8, p.Limit);
        w.WriteEndObject();
    }

    private static void WriteBlkio(Utf8JsonWriter w, BlkioStats b)
    {
        w.WriteStartObject();
        BlkioList(w, "ioServiceBytesRecursive"u8, b.IoServiceBytesRecursive);
        BlkioList(w, "ioServicedRecursive"u8, b.IoServicedRecursive);
        w.WriteEndObject();
    }

    private static void BlkioList(Utf8JsonWriter w, ReadOnlySpan<byte> name, List<BlkioEntry>? entries)
    {
        if (entries is null)
            return;
        w.WriteStartArray(name);
        foreach (var e in entries)
        {
            if (e is null)
            {
                w.WriteNullValue();
                continue;
            }
            w.WriteStartObject();
            NonZero(w, "major"u8, e.Major);
            NonZero(w, "minor"u8, e.Minor);
            Str(w, "op"u8, e.Op);
            NonZero(w, "value"u8, e.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteHugetlb(Utf8JsonWriter w, HugetlbStats h)
    {
        w.WriteStartObject();
        NonZero(w, "usage"u8, h.Usage);
        NonZero(w, "max"u8, h.Max);
        w.WriteNumber("failcnt"u8, h.Failcnt);
        w.WriteEndObject();
    }

    private static void NonZero(Utf8JsonWriter w, ReadOnlySpan<byte> name, ulong value)
    {
        if (value != 0)
            w.WriteNumber(name, value);
    }

}
