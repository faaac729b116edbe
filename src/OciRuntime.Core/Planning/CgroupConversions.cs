using System;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The v1 -> v2 value mappings engines rely on: the same numbers runc and
/// crun write, so a container gets the same share of the machine on either
/// cgroup version.
/// </summary>
public static class CgroupConversions
{
    public const ulong MinShares = 2;
    public const ulong MaxShares = 262144;

    /// <summary>
    /// cpu.shares [2, 262144] onto cpu.weight [1, 10000] linearly, the
    /// kernel's own endpoints (kernel/sched: MIN_SHARES/MAX_SHARES,
    /// CGROUP_WEIGHT_MIN/MAX); 0 stays "unset".
    /// </summary>
    public static ulong SharesToWeight(ulong shares) =>
        shares == 0 ? 0 : 1 + (Math.Max(shares, MinShares) - 2) * 9999 / 262142;

    /// <summary>blkio.weight [10, 1000] onto io.weight [1, 10000] linearly; 0 stays "unset".</summary>
    public static ulong BlkioWeightToIoWeight(ulong weight) =>
        weight == 0 ? 0 : 1 + (Math.Max(weight, 10) - 10) * 9999 / 990;

    /// <summary>
    /// The spec's memory.swap is memory plus swap (the v1 memsw counter);
    /// v2's memory.swap.max counts swap alone. Returns null when nothing is
    /// to be written, -1 for "max".
    /// </summary>
    /// <exception cref="ArgumentException">swap set without a memory limit, or below it.</exception>
    public static long? SwapToV2(long? swap, long? limit)
    {
        if (swap is null or 0)
            return null;
        if (swap == -1)
            return -1;
        if (limit is null or 0 or -1)
            throw new ArgumentException("a swap limit needs a memory limit (linux.resources.memory.limit)");
        if (swap < limit)
            throw new ArgumentException($"{swap} is below the memory limit {limit} (swap counts memory plus swap)");
        return swap - limit;
    }
}
