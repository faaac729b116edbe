using System;
using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>RLIMIT_* resource numbers for Linux x86_64 (asm-generic/resource.h).</summary>
public static class RlimitNames
{
    /// <summary>Index = resource number.</summary>
    public static readonly string[] All =
    [
        "RLIMIT_CPU",        // 0
        "RLIMIT_FSIZE",
        "RLIMIT_DATA",
        "RLIMIT_STACK",
        "RLIMIT_CORE",
        "RLIMIT_RSS",        // 5
        "RLIMIT_NPROC",
        "RLIMIT_NOFILE",
        "RLIMIT_MEMLOCK",
        "RLIMIT_AS",
        "RLIMIT_LOCKS",      // 10
        "RLIMIT_SIGPENDING",
        "RLIMIT_MSGQUEUE",
        "RLIMIT_NICE",
        "RLIMIT_RTPRIO",
        "RLIMIT_RTTIME",     // 15
    ];

    private static readonly Dictionary<string, int> ByName = BuildIndex();

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(All.Length, StringComparer.Ordinal);
        for (int i = 0; i < All.Length; i++)
            index.Add(All[i], i);
        return index;
    }

    public static bool TryGetNumber(string name, out int number) => ByName.TryGetValue(name, out number);
}
