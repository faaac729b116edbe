using System;
using NUnit.Framework;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.Cgroups;

public class CgroupConversionsTests
{
    [TestCase(0UL, 0UL)]
    [TestCase(2UL, 1UL)]
    [TestCase(100UL, 4UL)]
    [TestCase(512UL, 20UL)]
    [TestCase(1024UL, 39UL)]
    [TestCase(2048UL, 79UL)]
    [TestCase(262144UL, 10000UL)]
    public void SharesToWeight(ulong shares, ulong weight) =>
        Assert.That(CgroupConversions.SharesToWeight(shares), Is.EqualTo(weight));

    [TestCase(0UL, 0UL)]
    [TestCase(10UL, 1UL)]
    [TestCase(100UL, 910UL)]
    [TestCase(500UL, 4950UL)]
    [TestCase(1000UL, 10000UL)]
    public void BlkioWeightToIoWeight(ulong blkio, ulong io) =>
        Assert.That(CgroupConversions.BlkioWeightToIoWeight(blkio), Is.EqualTo(io));

    [TestCase(null, 100L, null)]
    [TestCase(0L, 100L, null)]
    [TestCase(-1L, 100L, -1L)]
    [TestCase(-1L, null, -1L)]
    [TestCase(300L, 100L, 200L)]
    [TestCase(100L, 100L, 0L)]
    public void SwapToV2(long? swap, long? limit, long? expected) =>
        Assert.That(CgroupConversions.SwapToV2(swap, limit), Is.EqualTo(expected));

    [TestCase(200L, null)]
    [TestCase(200L, -1L)]
    [TestCase(99L, 100L)]
    public void SwapToV2Refuses(long swap, long? limit) =>
        Assert.That(() => CgroupConversions.SwapToV2(swap, limit), Throws.TypeOf<ArgumentException>());
}
