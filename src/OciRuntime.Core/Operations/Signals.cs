using System;
using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Operations;

/// <summary>Signal names and numbers as `kill` accepts them: "KILL", "SIGKILL", "9", "SIGRTMIN+3".</summary>
public static class Signals
{
    private static readonly Dictionary<string, int> Names = new()
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6, ["IOT"] = 6,
        ["BUS"] = 7, ["FPE"] = 8, ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12,
        ["PIPE"] = 13, ["ALRM"] = 14, ["TERM"] = 15, ["STKFLT"] = 16, ["CHLD"] = 17, ["CLD"] = 17,
        ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21, ["TTOU"] = 22, ["URG"] = 23,
        ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26, ["PROF"] = 27, ["WINCH"] = 28, ["IO"] = 29,
        ["POLL"] = 29, ["PWR"] = 30, ["SYS"] = 31,
    };

    private const int RtMin = 34;
    private const int RtMax = 64;

    public static int Parse(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            if (n < 1 || n > RtMax)
                throw new RuntimeException($"invalid signal: {text}");
            return n;
        }
        var name = text.ToUpperInvariant();
        if (name.StartsWith("SIG", System.StringComparison.Ordinal))
            name = name.Substring(3);
        if (Names.TryGetValue(name, out int sig))
            return sig;
        if (TryRealtime(name, out sig))
            return sig;
        throw new RuntimeException($"unknown signal \"{text}\"");
    }

    private static bool TryRealtime(string name, out int sig)
    {
        sig = 0;
        if (name == "RTMIN") { sig = RtMin; return true; }
        if (name == "RTMAX") { sig = RtMax; return true; }
        if (name.StartsWith("RTMIN+", System.StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out int k))
            sig = RtMin + k;
        else if (name.StartsWith("RTMAX-", System.StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out k))
            sig = RtMax - k;
        return sig >= RtMin && sig <= RtMax;
    }
}
