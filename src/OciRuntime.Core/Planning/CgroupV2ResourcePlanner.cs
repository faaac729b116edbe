using System;
using System.Collections.Generic;
using OciRuntime.Core.Spec;
using static OciRuntime.Core.Planning.CgroupPlanBuilder;

namespace OciRuntime.Core.Planning;

/// <summary>
/// linux.resources (devices aside) as cgroup v2 interface file writes
/// (Documentation/admin-guide/cgroup-v2.rst), converting v1-shaped values
/// the way runc's "fs2" driver and crun do. Controller is the v2 controller
/// to enable in the parents' cgroup.subtree_control ("" for core files).
/// </summary>
public static class CgroupV2ResourcePlanner
{
    // Core files a container must not set through `unified`: they move
    // processes or change the tree the runtime manages.
    private static readonly HashSet<string> ForbiddenCoreFiles =
        ["cgroup.procs", "cgroup.threads", "cgroup.subtree_control", "cgroup.kill", "cgroup.freeze", "cgroup.type"];

    public static IReadOnlyList<CgroupSetting> Plan(LinuxResources? resources, string origin = "config.json")
    {
        var b = new CgroupPlanBuilder(origin);
        if (resources is null)
            return b.Settings;
        Memory(b, resources.Memory);
        Cpu(b, resources.Cpu);
        if (resources.Pids is { } pids)
            CgroupV1ResourcePlanner.Pids(b, pids.Limit, "pids");
        Io(b, resources.BlockIo);
        CgroupV1ResourcePlanner.Hugetlb(b, resources.HugepageLimits, v1: false);
        if (resources.Network is { ClassId: not null } or { Priorities.Length: > 0 })
            throw b.Error("linux.resources.network", "net_cls and net_prio exist only on cgroup v1 (this host runs cgroup v2)");
        CgroupV1ResourcePlanner.Rdma(b, resources.Rdma);
        Unified(b, resources.Unified);
        return b.Settings;
    }

    private static void Memory(CgroupPlanBuilder b, MemoryResources? m)
    {
        if (m is null)
            return;
        const string P = "linux.resources.memory";
        var limit = b.Limit(m.Limit, P + ".limit");
        var swapTotal = b.Limit(m.Swap, P + ".swap");
        long? swap;
        try
        {
            swap = CgroupConversions.SwapToV2(swapTotal, limit);
        }
        catch (ArgumentException e)
        {
            throw b.Error(P + ".swap", e.Message);
        }
        // Swap first: memory.max alone never fails, but a lower swap limit
        // should be in place before memory pressure pushes pages out.
        if (swap is { } s)
            b.Add("memory", "memory.swap.max", Max(s), P + ".swap");
        if (limit is { } l)
            b.Add("memory", "memory.max", Max(l), P + ".limit");
        if (b.Limit(m.Reservation, P + ".reservation") is { } r)
            b.Add("memory", "memory.low", Max(r), P + ".reservation");
        if (m.Swappiness is { } sw)
            b.Range(sw, 0, 100, P + ".swappiness");
        // kernel, kernelTCP, swappiness, useHierarchy and disableOOMKiller
        // have no v2 file: v2 always accounts kernel memory hierarchically,
        // and runc ignores them there as well.
    }

    private static void Cpu(CgroupPlanBuilder b, CpuResources? c)
    {
        if (c is null)
            return;
        const string P = "linux.resources.cpu";
        CgroupV1ResourcePlanner.CpuChecks(b, c);
        if (c.Shares is { } shares and not 0)
            b.Add("cpu", "cpu.weight", Num(CgroupConversions.SharesToWeight(shares)), P + ".shares");
        if (c.Quota is { } quota and not 0 || c.Period is { } period and not 0)
        {
            // cpu.max is "$MAX $PERIOD"; the period may be left out to keep the current one.
            var value = c.Quota is { } q and > 0 ? Num(q) : "max";
            if (c.Period is { } p and not 0)
                value += " " + Num(p);
            b.Add("cpu", "cpu.max", value, c.Quota is null or 0 ? P + ".period" : P + ".quota");
        }
        if (c.Burst is { } burst)
            b.Add("cpu", "cpu.max.burst", Num(burst), P + ".burst");
        if (c.RealtimePeriod is { } rp and not 0)
            throw b.Error(P + ".realtimePeriod", "realtime scheduling limits exist only on cgroup v1");
        if (c.RealtimeRuntime is { } rr and not 0)
            throw b.Error(P + ".realtimeRuntime", "realtime scheduling limits exist only on cgroup v1");
        if (c.Idle is { } idle)
            b.Add("cpu", "cpu.idle", Num(idle), P + ".idle");
        CgroupV1ResourcePlanner.Cpuset(b, c);
    }

    private static void Io(CgroupPlanBuilder b, BlockIo? io)
    {
        if (io is null)
            return;
        const string P = "linux.resources.blockIO";
        CgroupV1ResourcePlanner.BlockIoChecks(b, io);
        if (io.Weight is { } w and not 0)
            b.Add("io", "io.weight", "default " + Num(CgroupConversions.BlkioWeightToIoWeight(w)), P + ".weight");
        if (io.LeafWeight is not null and not 0)
            throw b.Error(P + ".leafWeight", "leaf weights exist only on cgroup v1");
        var devices = io.WeightDevice ?? [];
        for (int i = 0; i < devices.Length; i++)
        {
            var d = devices[i];
            if (d.Weight is { } dw and not 0)
                b.Add("io", "io.weight", $"{d.Major}:{d.Minor} {CgroupConversions.BlkioWeightToIoWeight(dw)}", $"{P}.weightDevice[{i}].weight");
            if (d.LeafWeight is not null and not 0)
                throw b.Error($"{P}.weightDevice[{i}].leafWeight", "leaf weights exist only on cgroup v1");
        }
        Throttle(b, io.ThrottleReadBpsDevice, "throttleReadBpsDevice", "rbps");
        Throttle(b, io.ThrottleWriteBpsDevice, "throttleWriteBpsDevice", "wbps");
        Throttle(b, io.ThrottleReadIopsDevice, "throttleReadIOPSDevice", "riops");
        Throttle(b, io.ThrottleWriteIopsDevice, "throttleWriteIOPSDevice", "wiops");
    }

    private static void Throttle(CgroupPlanBuilder b, ThrottleDevice[]? list, string name, string key)
    {
        for (int i = 0; i < (list?.Length ?? 0); i++)
        {
            var d = list![i];
            // On v1 a rate of 0 removes the limit; v2 spells that "max".
            var rate = d.Rate == 0 ? "max" : Num(d.Rate);
            b.Add("io", "io.max", $"{d.Major}:{d.Minor} {key}={rate}", $"linux.resources.blockIO.{name}[{i}]");
        }
    }

    private static void Unified(CgroupPlanBuilder b, Dictionary<string, string>? unified)
    {
        if (unified is null)
            return;
        var keys = new List<string>(unified.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var path = $"linux.resources.unified[\"{key}\"]";
            if (!UnifiedKeyPattern.IsMatch(key))
                throw b.Error(path, "is not a cgroup v2 interface file name (controller.name)");
            if (ForbiddenCoreFiles.Contains(key))
                throw b.Error(path, "is managed by the runtime and cannot be set");
            var controller = key[..key.IndexOf('.')];
            b.Add(controller == "cgroup" ? "" : controller, key, unified[key], path);
        }
    }

    private static string Max(long value) => value == -1 ? "max" : Num(value);
    private static readonly Validation.SchemaPattern UnifiedKeyPattern = Validation.SchemaPattern.Parse(@"^[a-z_]+\.[a-z0-9_.]+$");
}
