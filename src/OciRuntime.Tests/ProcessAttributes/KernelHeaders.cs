using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace OciRuntime.Tests.ProcessAttributes;

/// <summary>Reads #define NAME number lines from the system's uapi headers, an oracle independent of the runtime's tables.</summary>
internal static class KernelHeaders
{
    public const string CapabilityHeader = "/usr/include/linux/capability.h";
    public const string ResourceHeader = "/usr/include/asm-generic/resource.h";

    public static Dictionary<string, int>? Defines(string path, string prefix)
    {
        if (!File.Exists(path))
            return null;
        var result = new Dictionary<string, int>();
        var regex = new Regex(@"^\s*#\s*define\s+(" + prefix + @"[A-Z_]+)\s+(\d+)\s*(/\*.*)?$");
        foreach (var line in File.ReadLines(path))
        {
            var m = regex.Match(line);
            if (m.Success)
                result[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
        }
        return result;
    }
}
