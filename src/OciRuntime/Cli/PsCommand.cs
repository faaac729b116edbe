using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>
/// `ps`: the container's processes. json is the array of host pids; table
/// runs the host's ps (default -ef) and keeps the header and the lines whose
/// PID column is one of them, as runc does.
/// </summary>
internal static class PsCommand
{
    public static readonly Command Definition = new("ps", "<container-id> [ps options]", "ps displays the processes running inside a container",
        [new(["format", "f"], true, "select one of: table or json", "table")], Run, 1);

    private static int Run(ParsedArgs args)
    {
        var format = args.Value("format") ?? "table";
        if (format != "table" && format != "json")
            throw new UsageException($"invalid format option \"{format}\": must be table or json");
        var pids = new PsOperation(GlobalOptions.Current.Root).Run(args.Positional[0]);
        if (format == "json")
        {
            Console.Out.WriteLine("[" + string.Join(',', pids) + "]");
            return 0;
        }
        var psArgs = args.Positional.Count > 1 ? args.Positional.GetRange(1, args.Positional.Count - 1) : ["-ef"];
        Console.Out.Write(Filter(RunPs(psArgs), pids));
        return 0;
    }

    private static string RunPs(List<string> psArgs)
    {
        var argv = new List<string> { "ps" };
        argv.AddRange(psArgs);
        ChildProcess.Result result;
        try
        {
            result = ChildProcess.Run("ps", argv, null, default, null, TimeSpan.Zero);
        }
        catch (SyscallException e)
        {
            throw new RuntimeException($"ps: could not start: {e.Message}");
        }
        if (result.ExitCode != 0)
        {
            var why = result.Stderr.Trim().Replace('\n', ' ');
            throw new RuntimeException($"ps {string.Join(' ', psArgs)}: exit status {result.ExitCode}{(why.Length == 0 ? "" : ": " + why)}");
        }
        return result.Stdout;
    }

    /// <summary>The header, then the lines whose PID column holds one of <paramref name="pids"/>.</summary>
    internal static string Filter(string psOutput, IReadOnlyList<int> pids)
    {
        var lines = psOutput.Split('\n');
        var header = lines[0];
        int column = Array.IndexOf(header.Split(' ', StringSplitOptions.RemoveEmptyEntries), "PID");
        if (column < 0)
            throw new RuntimeException("ps: no PID column in the output (pass options that include it)");
        var wanted = new HashSet<int>(pids);
        var sb = new StringBuilder(header).Append('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > column && int.TryParse(fields[column], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && wanted.Contains(pid))
                sb.Append(lines[i]).Append('\n');
        }
        return sb.ToString();
    }
}
