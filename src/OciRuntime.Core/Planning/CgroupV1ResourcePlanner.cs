using System.Collections.Generic;
using OciRuntime.Core.Spec;
using static OciRuntime.Core.Planning.CgroupPlanBuilder;

namespace OciRuntime.Core.Planning;

/// <summary>
/// linux.resources (devices aside) as cgroup v1 control file writes, with
/// the file names of Documentation/admin-guide/cgroup-v1/ and runc's "fs"
/// driver. Controller is the v1 subsystem that owns the file.
/// </summary>
public static class CgroupV1ResourcePlanner
{
    /// <param name="origin">Where the values come from, first word of every error ("config.json", "update").</param>
    public static IReadOnlyList<CgroupSetting> Plan(LinuxResources? resources, string origin = "config.json")
    {
        var b = new CgroupPlanBuilder(origin);
        if (resources is null)
            return b.Settings;
        if (resources.Unified is { Count: > 0 })
            throw b.Error("linux.resources.unified", "needs a cgroup v2 host (this host runs cgroup v1)");
        Memory(b, resources.Memory);
        Cpu(b, resources.Cpu);
        if (resources.Pids is { } pids)
            Pids(b, pids.Limit, "pids");
        BlockIo(b, resources.BlockIo);
        Hugetlb(b, resources.HugepageLimits, v1: true);
        Network(b, resources.Network);
        Rdma(b, resources.Rdma);
        return b.Settings;
    }

    private static void Memory(CgroupPlanBuilder b, MemoryResources? m)
    {
        if (m is null)
            return;
        const string P = "linux.resources.memory";
        var limit = b.Limit(m.Limit, P + ".limit");
        var swap = b.Limit(m.Swap, P + ".swap");
        if (limit > 0 && swap > 0 && swap < limit)
            throw b.Error(P + ".swap", $"{swap} is below the memory limit {limit} (swap counts memory plus swap)");
        // The applier orders limit and memsw so neither write is refused
        // against the other's old value (memsw must stay >= limit).
        if (limit is { } l)
            b.Add("memory", "memory.limit_in_bytes", Num(l), P + ".limit");
        if (swap is { } s)
            b.Add("memory", "memory.memsw.limit_in_bytes", Num(s), P + ".swap");
        if (b.Limit(m.Reservation, P + ".reservation") is { } r)
            b.Add("memory", "memory.soft_limit_in_bytes", Num(r), P + ".reservation");
        if (b.Limit(m.Kernel, P + ".kernel") is { } k)
            b.Add("memory", "memory.kmem.limit_in_bytes", Num(k), P + ".kernel");
        if (b.Limit(m.KernelTcp, P + ".kernelTCP") is { } t)
            b.Add("memory", "memory.kmem.tcp.limit_in_bytes", Num(t), P + ".kernelTCP");
        if (m.Swappiness is { } sw)
        {
            b.Range(sw, 0, 100, P + ".swappiness");
            b.Add("memory", "memory.swappiness", Num(sw), P + ".swappiness");
        }
        if (m.UseHierarchy is { } h)
            b.Add("memory", "memory.use_hierarchy", h ? "1" : "0", P + ".useHierarchy");
        if (m.DisableOomKiller == true)
            b.Add("memory", "memory.oom_control", "1", P + ".disableOOMKiller");
    }

    private static void Cpu(CgroupPlanBuilder b, CpuResources? c)
    {
        if (c is null)
            return;
        const string P = "linux.resources.cpu";
        CpuChecks(b, c);
        if (c.Shares is { } shares and not 0)
            b.Add("cpu", "cpu.shares", Num(shares), P + ".shares");
        // The period first: a new quota is checked against the current period.
        if (c.Period is { } period and not 0)
            b.Add("cpu", "cpu.cfs_period_us", Num(period), P + ".period");
        if (c.Quota is { } quota and not 0)
            b.Add("cpu", "cpu.cfs_quota_us", Num(quota), P + ".quota");
        if (c.Burst is { } burst)
            b.Add("cpu", "cpu.cfs_burst_us", Num(burst), P + ".burst");
        if (c.RealtimePeriod is { } rp and not 0)
            b.Add("cpu", "cpu.rt_period_us", Num(rp), P + ".realtimePeriod");
        if (c.RealtimeRuntime is { } rr and not 0)
            b.Add("cpu", "cpu.rt_runtime_us", Num(rr), P + ".realtimeRuntime");
        if (c.Idle is { } idle)
            b.Add("cpu", "cpu.idle", Num(idle), P + ".idle");
        Cpuset(b, c);
    }

    internal static void CpuChecks(CgroupPlanBuilder b, CpuResources c)
    {
        const string P = "linux.resources.cpu";
        if (c.Shares is { } shares and not 0)
            b.Range(shares, CgroupConversions.MinShares, CgroupConversions.MaxShares, P + ".shares");
        if (c.Quota is < -1)
            throw b.Error(P + ".quota", $"{c.Quota} is not a valid quota (microseconds, or -1 for unlimited)");
        if (c.RealtimeRuntime is < -1)
            throw b.Error(P + ".realtimeRuntime", $"{c.RealtimeRuntime} is not a valid runtime (microseconds, or -1 for unlimited)");
        if (c.Idle is { } idle and not (0 or 1))
            throw b.Error(P + ".idle", $"{idle} is not 0 or 1");
        b.CpuList(c.Cpus, P + ".cpus");
        b.CpuList(c.Mems, P + ".mems");
    }

    internal static void Cpuset(CgroupPlanBuilder b, CpuResources c)
    {
        // Empty strings mean "inherit" (runc); writing "" would empty the set.
        if (!string.IsNullOrEmpty(c.Cpus))
            b.Add("cpuset", "cpuset.cpus", c.Cpus, "linux.resources.cpu.cpus");
        if (!string.IsNullOrEmpty(c.Mems))
            b.Add("cpuset", "cpuset.mems", c.Mems, "linux.resources.cpu.mems");
    }

    /// <summary>pids.max is the same file on v1 and v2.</summary>
    internal static void Pids(CgroupPlanBuilder b, long limit, string controller)
    {
        const string P = "linux.resources.pids.limit";
        if (limit < -1)
            throw b.Error(P, $"{limit} is not a valid limit (a positive number, or -1 for unlimited)");
        // 0 is unset, as in runc.
        if (limit != 0)
            b.Add(controller, "pids.max", limit > 0 ? Num(limit) : "max", P);
    }

    private static void BlockIo(CgroupPlanBuilder b, BlockIo? io)
    {
        if (io is null)
            return;
        const string P = "linux.resources.blockIO";
        BlockIoChecks(b, io);
        if (io.Weight is { } w and not 0)
            b.Add("blkio", "blkio.weight", Num(w), P + ".weight");
        if (io.LeafWeight is { } lw and not 0)
            b.Add("blkio", "blkio.leaf_weight", Num(lw), P + ".leafWeight");
        var devices = io.WeightDevice ?? [];
        for (int i = 0; i < devices.Length; i++)
        {
            var d = devices[i];
            if (d.Weight is { } dw and not 0)
                b.Add("blkio", "blkio.weight_device", $"{d.Major}:{d.Minor} {dw}", $"{P}.weightDevice[{i}].weight");
            if (d.LeafWeight is { } dl and not 0)
                b.Add("blkio", "blkio.leaf_weight_device", $"{d.Major}:{d.Minor} {dl}", $"{P}.weightDevice[{i}].leafWeight");
        }
        Throttle(b, io.ThrottleReadBpsDevice, "throttleReadBpsDevice", "blkio.throttle.read_bps_device");
        Throttle(b, io.ThrottleWriteBpsDevice, "throttleWriteBpsDevice", "blkio.throttle.write_bps_device");
        Throttle(b, io.ThrottleReadIopsDevice, "throttleReadIOPSDevice", "blkio.throttle.read_iops_device");
        Throttle(b, io.ThrottleWriteIopsDevice, "throttleWriteIOPSDevice", "blkio.throttle.write_iops_device");
    }

    internal static void BlockIoChecks(CgroupPlanBuilder b, BlockIo io)
    {
        const string P = "linux.resources.blockIO";
        // blk-cgroup accepts weights in [10, 1000] (CFQ_WEIGHT_MIN/MAX, BFQ alike).
        if (io.Weight is { } w and not 0)
            b.Range(w, 10, 1000, P + ".weight");
        if (io.LeafWeight is { } lw and not 0)
            b.Range(lw, 10, 1000, P + ".leafWeight");
        var devices = io.WeightDevice ?? [];
        for (int i = 0; i < devices.Length; i++)
        {
            var d = devices[i];
            b.Device(d.Major, d.Minor, $"{P}.weightDevice[{i}]");
            if (d.Weight is { } dw and not 0)
                b.Range(dw, 10, 1000, $"{P}.weightDevice[{i}].weight");
            if (d.LeafWeight is { } dl and not 0)
                b.Range(dl, 10, 1000, $"{P}.weightDevice[{i}].leafWeight");
        }
        foreach (var (list, name) in new[] { (io.ThrottleReadBpsDevice, "throttleReadBpsDevice"), (io.ThrottleWriteBpsDevice, "throttleWriteBpsDevice"), (io.ThrottleReadIopsDevice, "throttleReadIOPSDevice"), (io.ThrottleWriteIopsDevice, "throttleWriteIOPSDevice") })
        {
            for (int i = 0; i < (list?.Length ?? 0); i++)
                b.Device(list![i].Major, list[i].Minor, $"{P}.{name}[{i}]");
        }
    }

    private static void Throttle(CgroupPlanBuilder b, ThrottleDevice[]? list, string name, string file)
    {
        for (int i = 0; i < (list?.Length ?? 0); i++)
        {
            var d = list![i];
            // Rate 0 removes the device's limit (blk-throttle).
            b.Add("blkio", file, $"{d.Major}:{d.Minor} {d.Rate}", $"linux.resources.blockIO.{name}[{i}]");
        }
    }

    /// <summary>hugetlb.&lt;size&gt;.limit_in_bytes (v1) or hugetlb.&lt;size&gt;.max (v2).</summary>
    internal static void Hugetlb(CgroupPlanBuilder b, HugepageLimit[]? limits, bool v1)
    {
        for (int i = 0; i < (limits?.Length ?? 0); i++)
        {
            var l = limits![i];
            var size = b.PageSize(l.PageSize, $"linux.resources.hugepageLimits[{i}].pageSize");
            b.Add("hugetlb", $"hugetlb.{size}.{(v1 ? "limit_in_bytes" : "max")}", Num(l.Limit), $"linux.resources.hugepageLimits[{i}].limit");
        }
    }

    private static void Network(CgroupPlanBuilder b, NetworkResources? n)
    {
        if (n is null)
            return;
        if (n.ClassId is { } id)
            b.Add("net_cls", "net_cls.classid", Num(id), "linux.resources.network.classID");
        var prios = n.Priorities ?? [];
        for (int i = 0; i < prios.Length; i++)
        {
            var p = prios[i];
            if (p.Name.Length == 0 || p.Name.Contains(' ') || p.Name.Contains('\n'))
                throw b.Error($"linux.resources.network.priorities[{i}].name", $"\"{p.Name}\" is not an interface name");
            b.Add("net_prio", "net_prio.ifpriomap", $"{p.Name} {p.Priority}", $"linux.resources.network.priorities[{i}]");
        }
    }

    /// <summary>rdma.max is the same file on v1 and v2 (Documentation/admin-guide/cgroup-v1/rdma.rst).</summary>
    internal static void Rdma(CgroupPlanBuilder b, Dictionary<string, Rdma>? rdma)
    {
        if (rdma is null)
            return;
        var names = new List<string>(rdma.Keys);
        names.Sort(System.StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = $"linux.resources.rdma[\"{name}\"]";
            if (name.Length == 0 || name.IndexOfAny([' ', '\n', '/']) >= 0)
                throw b.Error(path, "is not an RDMA device name");
            var r = rdma[name];
            var handles = r.HcaHandles is { } h ? Num(h) : "max";
            var objects = r.HcaObjects is { } o ? Num(o) : "max";
            b.Add("rdma", "rdma.max", $"{name} hca_handle={handles} hca_object={objects}", path);
        }
    }
}
