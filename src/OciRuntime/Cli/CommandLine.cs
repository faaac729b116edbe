using System;
using System.Collections.Generic;
using System.Text;

namespace OciRuntime.Cli;

/// <summary>runc-compatible command line: global flags, then a command, its flags, its arguments.</summary>
internal static class CommandLine
{
    public static readonly Command[] Commands =
    [
        CreateCommand.Definition,
        StartCommand.Definition,
        RunCommand.Definition,
        StateCommand.Definition,
        KillCommand.Definition,
        DeleteCommand.Definition,
        ListCommand.Definition,
        SpecCommand.Definition,
        ExecCommand.Definition,
        FeaturesCommand.Definition,
        PauseCommand.Definition,
        ResumeCommand.Definition,
        UpdateCommand.Definition,
        PsCommand.Definition,
        EventsCommand.Definition,
    ];

    public static int Dispatch(string[] args)
    {
        OciRuntime.Core.Linux.ForegroundWait.RestoreStartupMask();
        var globals = ArgParser.Parse(args, GlobalOptions.Specs, "", out int used, stopAtPositional: true);
        var format = globals.Value("log-format") ?? "text";
        if (format != "text" && format != "json")
            throw new UsageException($"invalid log format \"{format}\": must be text or json");
        GlobalOptions.Current = new GlobalOptions
        {
            Root = globals.Value("root") ?? GlobalOptions.DefaultRoot(),
            LogPath = globals.Value("log"),
            LogFormat = format,
            Debug = globals.Bool("debug"),
            SystemdCgroup = globals.Bool("systemd-cgroup"),
        };
        GlobalOptions.Current.Log = Logging.Create(GlobalOptions.Current);
        if (globals.Bool("version"))
        {
            Console.Out.Write(VersionInfo.Text());
            return 0;
        }
        if (used >= args.Length)
        {
            Console.Out.Write(MainHelp());
            return globals.Bool("help") ? 0 : 1;
        }
        var name = args[used];
        if (name == "help")
        {
            if (used + 1 < args.Length && Find(args[used + 1]) is { } c)
                Console.Out.Write(Help(c));
            else
                Console.Out.Write(MainHelp());
            return 0;
        }
        var command = Find(name) ?? throw new UsageException($"No help topic for '{name}'");
        var rest = new ArraySegment<string>(args, used + 1, args.Length - used - 1);
        var helpFlags = new List<FlagSpec>(command.Flags) { new(["help", "h"], false, "show help") };
        var parsed = ArgParser.Parse(rest, helpFlags, command.Name, out _);
        if (parsed.Bool("help"))
        {
            Console.Out.Write(Help(command));
            return 0;
        }
        int n = parsed.Positional.Count;
        if (n < command.MinArgs || n > command.MaxArgs)
        {
            var want = command.MinArgs == command.MaxArgs
                ? $"exactly {command.MinArgs}"
                : command.MaxArgs == int.MaxValue ? $"at least {command.MinArgs}" : $"{command.MinArgs} to {command.MaxArgs}";
            throw new UsageException($"ociruntime: \"{command.Name}\" requires {want} argument(s)");
        }
        return command.Run(parsed);
    }

    private static Command? Find(string name)
    {
        foreach (var c in Commands)
            if (c.Name == name)
                return c;
        return null;
    }

    public static string Help(Command c)
    {
        var sb = new StringBuilder();
        sb.Append($"NAME:\n   ociruntime {c.Name} - {c.Description}\n\nUSAGE:\n   ociruntime {c.Name} [command options] {c.ArgsUsage}\n");
        if (c.Flags.Length > 0)
        {
            sb.Append("\nOPTIONS:\n");
            foreach (var f in c.Flags)
                sb.Append("   ").Append(FlagLine(f)).Append('\n');
        }
        return sb.ToString();
    }

    private static string FlagLine(FlagSpec f)
    {
        var names = new StringBuilder();
        foreach (var n in f.Names)
        {
            if (names.Length > 0)
                names.Append(", ");
            names.Append(n.Length == 1 ? "-" : "--").Append(n);
            if (f.TakesValue)
                names.Append(" value");
        }
        var def = f.Default is null ? "" : $" (default: \"{f.Default}\")";
        return $"{names,-34} {f.Help}{def}";
    }

    private static string MainHelp()
    {
        var sb = new StringBuilder();
        sb.Append("NAME:\n   ociruntime - an Open Container Initiative runtime\n\n");
        sb.Append("USAGE:\n   ociruntime [global options] command [command options] [arguments...]\n\nCOMMANDS:\n");
        foreach (var c in Commands)
            sb.Append($"   {c.Name,-10} {c.Description}\n");
        sb.Append("\nGLOBAL OPTIONS:\n");
        foreach (var f in GlobalOptions.Specs)
            sb.Append("   ").Append(FlagLine(f)).Append('\n');
        return sb.ToString();
    }
}
