using System;
using System.Collections.Generic;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Planning;

/// <summary>The user process's environment: validation, deduplication and the HOME default, as runc does them.</summary>
public static class ProcessEnvironment
{
    /// <summary>
    /// Validates NAME=VALUE entries and drops all but the last entry of each
    /// name, which keeps its position (runc, like Go's os/exec, dedups this way).
    /// </summary>
    public static string[] Prepare(string[]? env, out bool hasHome, out string? pathValue)
    {
        hasHome = false;
        pathValue = null;
        if (env is null || env.Length == 0)
            return [];

        for (int i = 0; i < env.Length; i++)
        {
            string entry = env[i];
            int eq = entry.IndexOf('=');
            string where = $"config.json: process.env[{i}]";
            if (eq < 0)
                throw new RuntimeException($"{where}: invalid environment variable: missing '='");
            if (eq == 0)
                throw new RuntimeException($"{where}: invalid environment variable: name cannot be empty");
            if (entry.Contains('\0'))
                throw new RuntimeException($"{where}: invalid environment variable \"{entry[..eq]}\": contains nul byte (\\x00)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(env.Length);
        for (int i = env.Length - 1; i >= 0; i--)
        {
            string entry = env[i];
            string name = entry[..entry.IndexOf('=')];
            if (!seen.Add(name))
                continue;
            kept.Add(entry);
            if (name == "PATH")
                pathValue = entry[5..];
        }
        kept.Reverse();
        hasHome = seen.Contains("HOME");
        return kept.ToArray();
    }

    /// <summary>
    /// The home directory of <paramref name="uid"/> in passwd(5) text, or "/"
    /// when there is no file or no entry (runc's default user).
    /// </summary>
    public static string HomeFromPasswd(uint uid, string? passwd)
    {
        if (passwd is null)
            return "/";
        string uidText = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var rawLine in passwd.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
                continue;
            // name:password:uid:gid:gecos:home:shell
            string[] fields = line.Split(':');
            if (fields.Length < 6)
                continue;
            // runc matches a numeric user against the uid field and against the name.
            bool match = fields[0] == uidText
                || (uint.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out uint entryUid) && entryUid == uid);
            if (match)
                return fields[5];
        }
        return "/";
    }

    /// <summary>The final environment for execve: HOME is appended when the config did not name it.</summary>
    public static string[] Finish(ProcessPlan plan, string? passwd)
    {
        if (plan.HasHome)
            return plan.Env;
        var env = new string[plan.Env.Length + 1];
        plan.Env.CopyTo(env, 0);
        env[^1] = "HOME=" + HomeFromPasswd(plan.Uid, passwd);
        return env;
    }
}
