using System;
using System.Globalization;
using System.IO;

namespace OciRuntime.Core.Linux.Capabilities;

/// <summary>What the host kernel knows about capabilities.</summary>
public static class KernelCapabilities
{
    public const string LastCapPath = "/proc/sys/kernel/cap_last_cap";

    /// <summary>
    /// The highest capability number the kernel supports. Read it before the
    /// init pivots: afterwards /proc may be the container's, or masked.
    /// </summary>
    public static int ReadLastCap(string path = LastCapPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException($"read `{path}`: {e.Message}", e);
        }
        return ParseLastCap(text, path);
    }

    public static int ParseLastCap(string text, string path = LastCapPath)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int last) || last > 63)
            throw new RuntimeException($"read `{path}`: unexpected content \"{text.Trim()}\"");
        return last;
    }
}
