using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>linux.resources (config-linux.md "Control groups"), also the document of `update --resources`.</summary>
public static partial class SpecReader
{
    private static LinuxResources? ReadLinuxResources(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new LinuxResources();
        while (Property(ref r))
            x = Is(ref r, "devices"u8) ? x with { Devices = Array<DeviceCgroup>(ref r, ReadDeviceCgroup) }
              : Is(ref r, "memory"u8) ? x with { Memory = ReadMemoryResources(ref r) }
              : Is(ref r, "cpu"u8) ? x with { Cpu = ReadCpuResources(ref r) }
              : Is(ref r, "pids"u8) ? x with { Pids = ReadPidsResources(ref r) }
              : Is(ref r, "blockIO"u8) ? x with { BlockIo = ReadBlockIo(ref r) }
              : Is(ref r, "hugepageLimits"u8) ? x with { HugepageLimits = Array<HugepageLimit>(ref r, ReadHugepageLimit) }
              : Is(ref r, "network"u8) ? x with { Network = ReadNetworkResources(ref r) }
              : Is(ref r, "rdma"u8) ? x with { Rdma = Map<Rdma>(ref r, ReadRdma) }
              : Is(ref r, "unified"u8) ? x with { Unified = StringMap(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static DeviceCgroup? ReadDeviceCgroup(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new DeviceCgroup();
        while (Property(ref r))
            x = Is(ref r, "allow"u8) ? x with { Allow = Bool(ref r) }
              : Is(ref r, "type"u8) ? x with { Type = Str(ref r) }
              : Is(ref r, "major"u8) ? x with { Major = I64OrNull(ref r) }
              : Is(ref r, "minor"u8) ? x with { Minor = I64OrNull(ref r) }
              : Is(ref r, "access"u8) ? x with { Access = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static MemoryResources? ReadMemoryResources(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new MemoryResources();
        while (Property(ref r))
            x = Is(ref r, "limit"u8) ? x with { Limit = I64OrNull(ref r) }
              : Is(ref r, "reservation"u8) ? x with { Reservation = I64OrNull(ref r) }
              : Is(ref r, "swap"u8) ? x with { Swap = I64OrNull(ref r) }
              : Is(ref r, "kernel"u8) ? x with { Kernel = I64OrNull(ref r) }
              : Is(ref r, "kernelTCP"u8) ? x with { KernelTcp = I64OrNull(ref r) }
              : Is(ref r, "swappiness"u8) ? x with { Swappiness = U64OrNull(ref r) }
              : Is(ref r, "disableOOMKiller"u8) ? x with { DisableOomKiller = BoolOrNull(ref r) }
              : Is(ref r, "useHierarchy"u8) ? x with { UseHierarchy = BoolOrNull(ref r) }
              : Is(ref r, "checkBeforeUpdate"u8) ? x with { CheckBeforeUpdate = BoolOrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static CpuResources? ReadCpuResources(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new CpuResources();
        while (Property(ref r))
            x = Is(ref r, "shares"u8) ? x with { Shares = U64OrNull(ref r) }
              : Is(ref r, "quota"u8) ? x with { Quota = I64OrNull(ref r) }
              : Is(ref r, "burst"u8) ? x with { Burst = U64OrNull(ref r) }
              : Is(ref r, "period"u8) ? x with { Period = U64OrNull(ref r) }
              : Is(ref r, "realtimeRuntime"u8) ? x with { RealtimeRuntime = I64OrNull(ref r) }
              : Is(ref r, "realtimePeriod"u8) ? x with { RealtimePeriod = U64OrNull(ref r) }
              : Is(ref r, "cpus"u8) ? x with { Cpus = Str(ref r) }
              : Is(ref r, "mems"u8) ? x with { Mems = Str(ref r) }
              : Is(ref r, "idle"u8) ? x with { Idle = I64OrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static PidsResources? ReadPidsResources(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new PidsResources();
        while (Property(ref r))
            x = Is(ref r, "limit"u8) ? x with { Limit = I64(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static BlockIo? ReadBlockIo(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new BlockIo();
        while (Property(ref r))
            x = Is(ref r, "weight"u8) ? x with { Weight = U16OrNull(ref r) }
              : Is(ref r, "leafWeight"u8) ? x with { LeafWeight = U16OrNull(ref r) }
              : Is(ref r, "weightDevice"u8) ? x with { WeightDevice = Array<WeightDevice>(ref r, ReadWeightDevice) }
              : Is(ref r, "throttleReadBpsDevice"u8) ? x with { ThrottleReadBpsDevice = Array<ThrottleDevice>(ref r, ReadThrottleDevice) }
              : Is(ref r, "throttleWriteBpsDevice"u8) ? x with { ThrottleWriteBpsDevice = Array<ThrottleDevice>(ref r, ReadThrottleDevice) }
              : Is(ref r, "throttleReadIOPSDevice"u8) ? x with { ThrottleReadIopsDevice = Array<ThrottleDevice>(ref r, ReadThrottleDevice) }
              : Is(ref r, "throttleWriteIOPSDevice"u8) ? x with { ThrottleWriteIopsDevice = Array<ThrottleDevice>(ref r, ReadThrottleDevice) }
              : Skip(ref r, x);
        return x;
    }

    private static WeightDevice? ReadWeightDevice(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new WeightDevice();
        while (Property(ref r))
            x = Is(ref r, "major"u8) ? x with { Major = I64(ref r) }
              : Is(ref r, "minor"u8) ? x with { Minor = I64(ref r) }
              : Is(ref r, "weight"u8) ? x with { Weight = U16OrNull(ref r) }
              : Is(ref r, "leafWeight"u8) ? x with { LeafWeight = U16OrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static ThrottleDevice? ReadThrottleDevice(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new ThrottleDevice();
        while (Property(ref r))
            x = Is(ref r, "major"u8) ? x with { Major = I64(ref r) }
              : Is(ref r, "minor"u8) ? x with { Minor = I64(ref r) }
              : Is(ref r, "rate"u8) ? x with { Rate = U64(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static HugepageLimit? ReadHugepageLimit(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new HugepageLimit { PageSize = null! };
        while (Property(ref r))
            x = Is(ref r, "pageSize"u8) ? x with { PageSize = Str(ref r)! }
              : Is(ref r, "limit"u8) ? x with { Limit = U64(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static NetworkResources? ReadNetworkResources(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new NetworkResources();
        while (Property(ref r))
            x = Is(ref r, "classID"u8) ? x with { ClassId = U32OrNull(ref r) }
              : Is(ref r, "priorities"u8) ? x with { Priorities = Array<InterfacePriority>(ref r, ReadInterfacePriority) }
              : Skip(ref r, x);
        return x;
    }

    private static InterfacePriority? ReadInterfacePriority(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new InterfacePriority { Name = null! };
        while (Property(ref r))
            x = Is(ref r, "name"u8) ? x with { Name = Str(ref r)! }
              : Is(ref r, "priority"u8) ? x with { Priority = U32(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Rdma? ReadRdma(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Rdma();
        while (Property(ref r))
            x = Is(ref r, "hcaHandles"u8) ? x with { HcaHandles = U32OrNull(ref r) }
              : Is(ref r, "hcaObjects"u8) ? x with { HcaObjects = U32OrNull(ref r) }
              : Skip(ref r, x);
        return x;
    }
}
