using System;
using System.Collections.Generic;

namespace OciRuntime.Cli;

/// <summary>
/// Parses flags the way runc's CLI library does: `--name value`,
/// `--name=value`, single-dash long names (`-root`), short aliases, boolean
/// flags with optional `=true|false`, and `--` to end the flags. Flags may
/// follow positional arguments only before the first positional (runc stops
/// at the first positional too).
/// </summary>
internal static class ArgParser
{
    public static ParsedArgs Parse(IReadOnlyList<string> args, IReadOnlyList<FlagSpec> specs, string command, out int consumed, bool stopAtPositional = false)
    {
        var result = new ParsedArgs();
        int i = 0;
        for (; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                consumed = i + 1;
                for (int j = i + 1; j < args.Count; j++)
                    result.Positional.Add(args[j]);
                return result;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                if (stopAtPositional)
                {
                    consumed = i;
                    return result;
                }
                // Everything from the first positional on is positional (runc: the
                // container id, then the process arguments of `exec` and the signal of `kill`).
                for (int j = i; j < args.Count; j++)
                    result.Positional.Add(args[j]);
                consumed = args.Count;
                return result;
            }
            var body = a.StartsWith("--", StringComparison.Ordinal) ? a.Substring(2) : a.Substring(1);
            string? inline = null;
            int eq = body.IndexOf('=');
            if (eq >= 0)
            {
                inline = body.Substring(eq + 1);
                body = body.Substring(0, eq);
            }
            var spec = Find(specs, body) ?? throw new UsageException($"flag provided but not defined: -{body}" + (command.Length > 0 ? $" (see `ociruntime {command} --help`)" : ""));
            if (spec.TakesValue)
            {
                if (inline is null)
                {
                    if (i + 1 >= args.Count)
                        throw new UsageException($"flag needs an argument: -{body}");
                    inline = args[++i];
                }
                result.Add(spec.Names[0], inline);
            }
            else
            {
                result.Add(spec.Names[0], inline ?? "true");
            }
        }
        consumed = i;
        return result;
    }

    private static FlagSpec? Find(IReadOnlyList<FlagSpec> specs, string name)
    {
        foreach (var s in specs)
            foreach (var n in s.Names)
                if (n == name)
                    return s;
        return null;
    }
}
