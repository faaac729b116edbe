using System;
using System.Globalization;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Timestamps as Go's time package prints them, which is what engines parse
/// from runc: RFC3339Nano drops trailing zeros of the fraction, and a zero
/// offset is written "Z".
/// </summary>
public static class Rfc3339
{
    /// <summary>e.g. 2024-01-02T03:04:05.1234567Z (100 ns is the finest .NET clock unit).</summary>
    public static string Nano(DateTime time)
    {
        var utc = time.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    /// <summary>Whole seconds with the given offset, e.g. 2024-01-02T03:04:05+01:00 or ...Z.</summary>
    public static string Seconds(DateTimeOffset time)
    {
        var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var offset = time.Offset;
        if (offset == TimeSpan.Zero)
            return text + "Z";
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{text}{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }
}
