using System;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Tests.Lifecycle;

public class Rfc3339Tests
{
    [Test]
    public void NanoTrimsTrailingZeros()
    {
        var t = new DateTime(2026, 11, 30, 21, 2, 33, DateTimeKind.Utc).AddTicks(8036240);
        Assert.That(Rfc3339.Nano(t), Is.EqualTo("2026-11-30T21:02:33.803624Z"));
    }

    [Test]
    public void NanoOfWholeSecondHasNoFraction()
    {
        Assert.That(Rfc3339.Nano(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), Is.EqualTo("2024-01-02T03:04:05Z"));
    }

    [Test]
    public void NanoConvertsToUtc()
    {
        var local = new DateTimeOffset(2024, 1, 2, 4, 4, 5, TimeSpan.FromHours(1));
        Assert.That(Rfc3339.Nano(local.UtcDateTime), Is.EqualTo("2024-01-02T03:04:05Z"));
    }

    [TestCase(0, 0, "2024-01-02T03:04:05Z")]
    [TestCase(1, 0, "2024-01-02T03:04:05+01:00")]
    [TestCase(-5, -30, "2024-01-02T03:04:05-05:30")]
    [TestCase(5, 45, "2024-01-02T03:04:05+05:45")]
    public void SecondsWithOffset(int hours, int minutes, string expected)
    {
        var t = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, new TimeSpan(hours, minutes, 0));
        Assert.That(Rfc3339.Seconds(t), Is.EqualTo(expected));
    }
}
