using System.Globalization;
using System.IO;

namespace OciRuntime.Core.Operations;

/// <summary>--pid-file: plain digits, written atomically (engines read it with atoi).</summary>
public static class PidFile
{
    public static void Write(string path, int pid)
    {
        var full = Path.GetFullPath(path);
        var tmp = Path.Combine(Path.GetDirectoryName(full) ?? "/", "." + Path.GetFileName(full) + ".tmp");
        File.WriteAllText(tmp, pid.ToString(CultureInfo.InvariantCulture));
        File.Move(tmp, full, overwrite: true);
    }
}
