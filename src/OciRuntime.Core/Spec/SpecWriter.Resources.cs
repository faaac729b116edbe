using System.Text.Json;

using static OciRuntime.Core.Spec.JsonOptional;

namespace OciRuntime.Core.Spec;

/// <summary>linux.resources (config-linux.md "Control groups").</summary>
public static partial class SpecWriter
{
    private static void WriteLinuxResources(Utf8JsonWriter w, LinuxResources x)
    {
        w.WriteStartObject();
        Array(w, "devices"u8, x.Devices, WriteDeviceCgroup);
        Obj(w, "memory"u8, x.Memory, WriteMemoryResources);
        Obj(w, "cpu"u8, x.Cpu, WriteCpuResources);
        Obj(w, "pids"u8, x.Pids, WritePidsResources);
        Obj(w, "blockIO"u8, x.BlockIo, WriteBlockIo);
        Array(w, "hugepageLimits"u8, x.HugepageLimits, WriteHugepageLimit);
        Obj(w, "network"u8, x.Network, WriteNetworkResources);
        Map(w, "rdma"u8, x.Rdma, WriteRdma);
        StringMap(w, "unified"u8, x.Unified);
        w.WriteEndObject();
    }

    private static void WriteDeviceCgroup(Utf8JsonWriter w, DeviceCgroup x)
    {
        w.WriteStartObject();
        w.WriteBoolean("allow"u8, x.Allow);
        Str(w, "type"u8, x.Type);
        Num(w, "major"u8, x.Major);
        Num(w, "minor"u8, x.Minor);
        Str(w, "access"u8, x.Access);
        w.WriteEndObject();
    }

    private static void WriteMemoryResources(Utf8JsonWriter w, MemoryResources x)
    {
        w.WriteStartObject();
        Num(w, "limit"u8, x.Limit);
        Num(w, "reservation"u8, x.Reservation);
        Num(w, "swap"u8, x.Swap);
        Num(w, "kernel"u8, x.Kernel);
        Num(w, "kernelTCP"u8, x.KernelTcp);
        Num(w, "swappiness"u8, x.Swappiness);
        Bool(w, "disableOOMKiller"u8, x.DisableOomKiller);
        Bool(w, "useHierarchy"u8, x.UseHierarchy);
        Bool(w, "checkBeforeUpdate"u8, x.CheckBeforeUpdate);
        w.WriteEndObject();
    }

    private static void WriteCpuResources(Utf8JsonWriter w, CpuResources x)
    {
        w.WriteStartObject();
        Num(w, "shares"u8, x.Shares);
        Num(w, "quota"u8, x.Quota);
        Num(w, "burst"u8, x.Burst);
        Num(w, "period"u8, x.Period);
        Num(w, "realtimeRuntime"u8, x.RealtimeRuntime);
        Num(w, "realtimePeriod"u8, x.RealtimePeriod);
        Str(w, "cpus"u8, x.Cpus);
        Str(w, "mems"u8, x.Mems);
        Num(w, "idle"u8, x.Idle);
        w.WriteEndObject();
    }

    private static void WritePidsResources(Utf8JsonWriter w, PidsResources x)
    {
        w.WriteStartObject();
        w.WriteNumber("limit"u8, x.Limit);
        w.WriteEndObject();
    }

    private static void WriteBlockIo(Utf8JsonWriter w, BlockIo x)
    {
        w.WriteStartObject();
        Num(w, "weight"u8, x.Weight);
        Num(w, "leafWeight"u8, x.LeafWeight);
        Array(w, "weightDevice"u8, x.WeightDevice, WriteWeightDevice);
        Array(w, "throttleReadBpsDevice"u8, x.ThrottleReadBpsDevice, WriteThrottleDevice);
        Array(w, "throttleWriteBpsDevice"u8, x.ThrottleWriteBpsDevice, WriteThrottleDevice);
        Array(w, "throttleReadIOPSDevice"u8, x.ThrottleReadIopsDevice, WriteThrottleDevice);
        Array(w, "throttleWriteIOPSDevice"u8, x.ThrottleWriteIopsDevice, WriteThrottleDevice);
        w.WriteEndObject();
    }

    private static void WriteWeightDevice(Utf8JsonWriter w, WeightDevice x)
    {
        w.WriteStartObject();
        w.WriteNumber("major"u8, x.Major);
        w.WriteNumber("minor"u8, x.Minor);
        Num(w, "weight"u8, x.Weight);
        Num(w, "leafWeight"u8, x.LeafWeight);
        w.WriteEndObject();
    }

    private static void WriteThrottleDevice(Utf8JsonWriter w, ThrottleDevice x)
    {
        w.WriteStartObject();
        w.WriteNumber("major"u8, x.Major);
        w.WriteNumber("minor"u8, x.Minor);
        w.WriteNumber("rate"u8, x.Rate);
        w.WriteEndObject();
    }

    private static void WriteHugepageLimit(Utf8JsonWriter w, HugepageLimit x)
    {
        w.WriteStartObject();
        Str(w, "pageSize"u8, x.PageSize);
        w.WriteNumber("limit"u8, x.Limit);
        w.WriteEndObject();
    }

    private static void WriteNetworkResources(Utf8JsonWriter w, NetworkResources x)
    {
        w.WriteStartObject();
        Num(w, "classID"u8, x.ClassId);
        Array(w, "priorities"u8, x.Priorities, WriteInterfacePriority);
        w.WriteEndObject();
    }

    private static void WriteInterfacePriority(Utf8JsonWriter w, InterfacePriority x)
    {
        w.WriteStartObject();
        Str(w, "name"u8, x.Name);
        w.WriteNumber("priority"u8, x.Priority);
        w.WriteEndObject();
    }

    private static void WriteRdma(Utf8JsonWriter w, Rdma x)
    {
        w.WriteStartObject();
        Num(w, "hcaHandles"u8, x.HcaHandles);
        Num(w, "hcaObjects"u8, x.HcaObjects);
        w.WriteEndObject();
    }
}
