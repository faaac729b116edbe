using System;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>Maps linux.sysctl keys to files under /proc/sys.</summary>
public static class Sysctl
{
    /// <summary>
    /// "net.ipv4.ip_forward" -> "/proc/sys/net/ipv4/ip_forward". A key is a
    /// dotted name, never a path: a '/' or an empty component (which ".."
    /// would produce) could walk out of /proc/sys, so both are refused.
    /// </summary>
    public static string PathFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
            throw new RuntimeException("config.json: linux.sysctl: empty key");
        foreach (char c in key)
        {
            if (c == '/' || c == '\0' || char.IsWhiteSpace(c))
                throw new RuntimeException($"config.json: linux.sysctl: invalid key \"{key}\"");
        }
        foreach (var component in key.Split('.'))
        {
            if (component.Length == 0)
                throw new RuntimeException($"config.json: linux.sysctl: invalid key \"{key}\"");
        }
        return "/proc/sys/" + key.Replace('.', '/');
    }
}
