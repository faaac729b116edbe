using System;
using System.Globalization;

namespace OciRuntime.Core.Lifecycle;

/// <summary>The fields of /proc/PID/stat the runtime needs (proc(5)).</summary>
public readonly record struct ProcStat(int Pid, string Comm, char State, ulong StartTime)
{
    /// <summary>Z (zombie) and X (dead) have exited: the container is stopped even though the pid still exists.</summary>
    public bool HasExited => State is 'Z' or 'X' or 'x';

    /// <summary>Parses one /proc/PID/stat line; null when it is malformed.</summary>
    public static ProcStat? Parse(string text)
    {
        // comm is "(name)" and name may itself hold spaces and ')': it ends at the LAST ')'.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open <= 0 || close < open)
            return null;
        if (!int.TryParse(text.AsSpan(0, open).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return null;
        var comm = text.Substring(open + 1, close - open - 1);

        // After comm come fields 3 (state) .. 52; starttime is field 22, the 20th of them.
        var rest = text.AsSpan(close + 1);
        char state = '\0';
        ulong startTime = 0;
        int field = 3;
        foreach (var range in rest.Split(' '))
        {
            var token = rest[range];
            if (token.IsEmpty)
                continue;
            if (field == 3)
            {
                if (token.Length != 1)
                    return null;
                state = token[0];
            }
            else if (field == 22)
            {
                if (!ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out startTime))
                    return null;
                return new ProcStat(pid, comm, state, startTime);
            }
            field++;
        }
        return null;
    }
}
