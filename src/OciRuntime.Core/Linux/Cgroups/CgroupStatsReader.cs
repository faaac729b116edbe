using System;
using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Linux.Cgroups.Stats;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Reads the counters `events` reports from a container's cgroup. A file
/// the kernel does not provide leaves its numbers at zero, as in runc.
/// </summary>
internal sealed class CgroupStatsReader
{
    // cpuacct.stat counts USER_HZ ticks, 100 per second on every Linux ABI.
    private const ulong NanosPerTick = 10_000_000;

    private readonly ICgroupFiles _files;

    public CgroupStatsReader(ICgroupFiles files) => _files = files;

    public CgroupStats ReadV1(Func<string, string?> dirOf) => new()
    {
        Cpu = dirOf("cpuacct") is { } acct ? CpuV1(acct, dirOf("cpu")) : new CpuStats(),
        Memory = dirOf("memory") is { } mem ? MemoryV1(mem) : new MemoryStats(),
        Pids = dirOf("pids") is { } pids ? Pids(pids) : new PidsStats(),
        Blkio = dirOf("blkio") is { } blkio ? new BlkioStats
        {
            IoServiceBytesRecursive = BlkioV1(blkio + "/blkio.throttle.io_service_bytes_recursive"),
            IoServicedRecursive = BlkioV1(blkio + "/blkio.throttle.io_serviced_recursive"),
        } : new BlkioStats(),
        Hugetlb = dirOf("hugetlb") is { } h ? Hugetlb(h, "usage_in_bytes", "max_usage_in_bytes", v1: true) : new(),
    };

    public CgroupStats ReadV2(string dir)
    {
        var cpu = KeyValues(dir + "/cpu.stat");
        var stat = KeyValues(dir + "/memory.stat");
        var events = KeyValues(dir + "/memory.events");
        var usage = Number(dir + "/memory.current");
        var (rbytes, rios) = IoV2(dir + "/io.stat");
        return new CgroupStats
        {
            Cpu = new CpuStats
            {
                Usage = new CpuUsage
                {
                    Total = Get(cpu, "usage_usec") * 1000,
                    User = Get(cpu, "user_usec") * 1000,
                    Kernel = Get(cpu, "system_usec") * 1000,
                },
                Throttling = new CpuThrottling
                {
                    Periods = Get(cpu, "nr_periods"),
                    ThrottledPeriods = Get(cpu, "nr_throttled"),
                    ThrottledTime = Get(cpu, "throttled_usec") * 1000,
                },
            },
            Memory = new MemoryStats
            {
                Cache = Get(stat, "file"),
                Usage = new MemoryEntry { Usage = usage, Limit = Number(dir + "/memory.max"), Max = Number(dir + "/memory.peak"), Failcnt = Get(events, "max") },
                // v1's swap entry counts memory plus swap; keep that meaning.
                Swap = new MemoryEntry { Usage = usage + Number(dir + "/memory.swap.current"), Limit = Number(dir + "/memory.swap.max") },
                Raw = stat.Count > 0 ? stat : null,
            },
            Pids = Pids(dir),
            Blkio = new BlkioStats { IoServiceBytesRecursive = rbytes, IoServicedRecursive = rios },
            Hugetlb = Hugetlb(dir, "current", null, v1: false),
        };
    }

    /// <summary>How many times the OOM killer has killed a task of the cgroup.</summary>
    public ulong OomKills(string file) => Get(KeyValues(file), "oom_kill");

    private CpuStats CpuV1(string acct, string? cpu)
    {
        var stat = KeyValues(acct + "/cpuacct.stat");
        var percpu = new List<ulong>();
        if (_files.FileExists(acct + "/cpuacct.usage_percpu"))
        {
            foreach (var v in _files.ReadFile(acct + "/cpuacct.usage_percpu").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                percpu.Add(Parse(v));
        }
        var throttle = cpu is null ? new Dictionary<string, ulong>() : KeyValues(cpu + "/cpu.stat");
        return new CpuStats
        {
            Usage = new CpuUsage
            {
                Total = Number(acct + "/cpuacct.usage"),
                Percpu = percpu.Count > 0 ? percpu : null,
                User = Get(stat, "user") * NanosPerTick,
                Kernel = Get(stat, "system") * NanosPerTick,
            },
            Throttling = new CpuThrottling
            {
                Periods = Get(throttle, "nr_periods"),
                ThrottledPeriods = Get(throttle, "nr_throttled"),
                ThrottledTime = Get(throttle, "throttled_time"),
            },
        };
    }

    private MemoryStats MemoryV1(string dir)
    {
        var raw = KeyValues(dir + "/memory.stat");
        return new MemoryStats
        {
            Cache = Get(raw, "cache"),
            Usage = EntryV1(dir, "memory."),
            Swap = EntryV1(dir, "memory.memsw."),
            Kernel = EntryV1(dir, "memory.kmem."),
            Raw = raw.Count > 0 ? raw : null,
        };
    }

    private MemoryEntry EntryV1(string dir, string prefix) => new()
    {
        Usage = Number($"{dir}/{prefix}usage_in_bytes"),
        Limit = Number($"{dir}/{prefix}limit_in_bytes"),
        Max = Number($"{dir}/{prefix}max_usage_in_bytes"),
        Failcnt = Number($"{dir}/{prefix}failcnt"),
    };

    private PidsStats Pids(string dir)
    {
        var max = dir + "/pids.max";
        // "max" means no limit, which runc reports as 0.
        var limit = _files.FileExists(max) && _files.ReadFile(max).Trim() != "max" ? Number(max) : 0;
        return new PidsStats { Current = Number(dir + "/pids.current"), Limit = limit };
    }

    private List<BlkioEntry>? BlkioV1(string file)
    {
        if (!_files.FileExists(file))
            return null;
        var entries = new List<BlkioEntry>();
        foreach (var line in _files.ReadFile(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "8:0 Read 4096"; the trailing "Total N" line sums them.
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3 || f[0].Split(':') is not [var major, var minor])
                continue;
            entries.Add(new BlkioEntry { Major = Parse(major), Minor = Parse(minor), Op = f[1], Value = Parse(f[2]) });
        }
        return entries.Count > 0 ? entries : null;
    }

    private (List<BlkioEntry>? Bytes, List<BlkioEntry>? Ios) IoV2(string file)
    {
        if (!_files.FileExists(file))
            return (null, null);
        var bytes = new List<BlkioEntry>();
        var ios = new List<BlkioEntry>();
        foreach (var line in _files.ReadFile(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0"
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2 || f[0].Split(':') is not [var ma, var mi])
                continue;
            ulong major = Parse(ma), minor = Parse(mi);
            foreach (var kv in f[1..])
            {
                var (key, value) = kv.Split('=') is [var k, var v] ? (k, Parse(v)) : ("", 0UL);
                var (list, op) = key switch
                {
                    "rbytes" => (bytes, "Read"),
                    "wbytes" => (bytes, "Write"),
                    "rios" => (ios, "Read"),
                    "wios" => (ios, "Write"),
                    _ => (null, ""),
                };
                list?.Add(new BlkioEntry { Major = major, Minor = minor, Op = op, Value = value });
            }
        }
        return (bytes.Count > 0 ? bytes : null, ios.Count > 0 ? ios : null);
    }

    private Dictionary<string, HugetlbStats> Hugetlb(string dir, string usage, string? max, bool v1)
    {
        var result = new Dictionary<string, HugetlbStats>();
        var suffix = v1 ? ".limit_in_bytes" : ".max";
        foreach (var name in _files.FileNames(dir))
        {
            // hugetlb.2MB.limit_in_bytes / hugetlb.2MB.max, not the .rsvd. variants.
            if (!name.StartsWith("hugetlb.", StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal) || name.Contains(".rsvd."))
                continue;
            var size = name["hugetlb.".Length..^suffix.Length];
            var prefix = $"{dir}/hugetlb.{size}.";
            result[size] = new HugetlbStats
            {
                Usage = Number(prefix + usage),
                Max = max is null ? 0 : Number(prefix + max),
                Failcnt = v1 ? Number(prefix + "failcnt") : Get(KeyValues(prefix + "events"), "max"),
            };
        }
        return result;
    }

    private Dictionary<string, ulong> KeyValues(string file)
    {
        var result = new Dictionary<string, ulong>(StringComparer.Ordinal);
        if (!_files.FileExists(file))
            return result;
        foreach (var line in _files.ReadFile(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 2 && ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                result[f[0]] = v;
        }
        return result;
    }

    /// <summary>A single-number file; "max" reads as the largest value (unlimited).</summary>
    private ulong Number(string file)
    {
        if (!_files.FileExists(file))
            return 0;
        var text = _files.ReadFile(file).Trim();
        return text == "max" ? ulong.MaxValue : Parse(text);
    }

    private static ulong Get(Dictionary<string, ulong> map, string key) => map.TryGetValue(key, out var v) ? v : 0;

    private static ulong Parse(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
