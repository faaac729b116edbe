using System;
using System.Globalization;
using System.IO;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Cli;

/// <summary>
/// `update`: new limits for a running container, from a linux.resources
/// JSON document (--resources FILE, or - for stdin) or, as in runc, when
/// that is absent, from the per-field flags.
/// </summary>
internal static class UpdateCommand
{
    public static readonly Command Definition = new("update", "<container-id>", "update container resource constraints",
    [
        new(["resources", "r"], true, "path to the file containing the resources to update or '-' to read from the standard input"),
        new(["blkio-weight"], true, "Specifies per cgroup weight, range is from 10 to 1000"),
        new(["cpu-period"], true, "CPU CFS period to be used for hardcapping (in usecs). 0 to use system default"),
        new(["cpu-quota"], true, "CPU CFS hardcap limit (in usecs). Allowed cpu time in a given period"),
        new(["cpu-share", "cpu-shares"], true, "CPU shares (relative weight vs. other containers)"),
        new(["cpu-rt-period"], true, "CPU realtime period to be used for hardcapping (in usecs). 0 to use system default"),
        new(["cpu-rt-runtime"], true, "CPU realtime hardcap limit (in usecs). Allowed cpu time in a given period"),
        new(["cpuset-cpus"], true, "CPU(s) to use"),
        new(["cpuset-mems"], true, "Memory node(s) to use"),
        new(["kernel-memory"], true, "(obsoleted; do not use)"),
        new(["kernel-memory-tcp"], true, "(obsoleted; do not use)"),
        new(["memory"], true, "Memory limit (in bytes)"),
        new(["memory-reservation"], true, "Memory reservation or soft_limit (in bytes)"),
        new(["memory-swap"], true, "Total memory usage (memory + swap); set '-1' to enable unlimited swap"),
        new(["pids-limit"], true, "Maximum number of pids allowed in the container"),
    ], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        var resources = Build(args, () => Console.In.ReadToEnd(), File.ReadAllText);
        new UpdateOperation(GlobalOptions.Current.Root).Run(args.Positional[0], resources);
        return 0;
    }

    internal static LinuxResources Build(ParsedArgs args, Func<string> stdin, Func<string, string> readFile)
    {
        var r = new LinuxResources();
        if (args.Value("resources") is { } source)
        {
            string text;
            try
            {
                text = source == "-" ? stdin() : readFile(source);
            }
            catch (IOException e)
            {
                throw new UsageException($"--resources: {e.Message}");
            }
            try
            {
                r = SpecReader.ReadResources(System.Text.Encoding.UTF8.GetBytes(text), "--resources");
            }
            catch (OciRuntime.Core.Linux.RuntimeException e)
            {
                throw new UsageException($"--resources: invalid JSON: {e.Message["--resources: ".Length..]}");
            }
            return r;
        }
        var memory = r.Memory ?? new MemoryResources();
        memory = memory with
        {
            Limit = Bytes(args, "memory") ?? memory.Limit,
            Reservation = Bytes(args, "memory-reservation") ?? memory.Reservation,
            Swap = Bytes(args, "memory-swap") ?? memory.Swap,
            Kernel = Bytes(args, "kernel-memory") ?? memory.Kernel,
            KernelTcp = Bytes(args, "kernel-memory-tcp") ?? memory.KernelTcp,
        };
        var cpu = r.Cpu ?? new CpuResources();
        cpu = cpu with
        {
            Shares = (ulong?)Integer(args, "cpu-share", 0) ?? cpu.Shares,
            Quota = Integer(args, "cpu-quota", -1) ?? cpu.Quota,
            Period = (ulong?)Integer(args, "cpu-period", 0) ?? cpu.Period,
            RealtimePeriod = (ulong?)Integer(args, "cpu-rt-period", 0) ?? cpu.RealtimePeriod,
            RealtimeRuntime = Integer(args, "cpu-rt-runtime", -1) ?? cpu.RealtimeRuntime,
            Cpus = args.Value("cpuset-cpus") ?? cpu.Cpus,
            Mems = args.Value("cpuset-mems") ?? cpu.Mems,
        };
        var blkio = r.BlockIo;
        if (Integer(args, "blkio-weight", 0) is { } weight)
        {
            if (weight > ushort.MaxValue)
                throw new UsageException($"invalid value \"{weight}\" for flag -blkio-weight");
            blkio = (blkio ?? new BlockIo()) with { Weight = (ushort)weight };
        }
        var pids = Integer(args, "pids-limit", long.MinValue) is { } p ? new PidsResources { Limit = p } : r.Pids;
        return r with
        {
            Memory = memory == new MemoryResources() ? null : memory,
            Cpu = cpu == new CpuResources() ? null : cpu,
            BlockIo = blkio,
            Pids = pids,
        };
    }

    private static long? Integer(ParsedArgs args, string flag, long min)
    {
        if (args.Value(flag) is not { } v)
            return null;
        if (!long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min)
            throw new UsageException($"invalid value \"{v}\" for flag -{flag}");
        return n;
    }

    /// <summary>A byte count as docker and runc take it: "1048576", "512k", "100m", "1g" (binary units), or -1.</summary>
    internal static long? Bytes(ParsedArgs args, string flag)
    {
        if (args.Value(flag) is not { } v)
            return null;
        if (v == "-1")
            return -1;
        var text = v.Trim().ToLowerInvariant();
        if (text.EndsWith("ib", StringComparison.Ordinal))
            text = text[..^2];
        else if (text.EndsWith('b'))
            text = text[..^1];
        long unit = 1;
        if (text.Length > 0 && "kmgtp".IndexOf(text[^1]) is var u and >= 0)
        {
            unit = 1L << (10 * (u + 1));
            text = text[..^1];
        }
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new UsageException($"invalid value \"{v}\" for flag -{flag}: not a size");
        return (long)(n * unit);
    }
}
