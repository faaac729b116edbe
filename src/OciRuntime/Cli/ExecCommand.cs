using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Terminal;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`exec`: run a new process inside a container; in the foreground, return its exit code (128+signal when killed).</summary>
internal static class ExecCommand
{
    public static readonly Command Definition = new("exec", "<container-id> <command> [command options]  || -p process.json <container-id>",
        "execute new process inside the container",
        [
            new(["console-socket"], true, "path to an AF_UNIX socket which will receive a file descriptor referencing the master end of the console's pseudoterminal"),
            new(["pidfd-socket"], true, "path to an AF_UNIX socket which will receive the pidfd of the process (not supported: refused)"),
            new(["cwd"], true, "current working directory in the container"),
            new(["env", "e"], true, "set environment variables"),
            new(["tty", "t"], false, "allocate a pseudo-TTY"),
            new(["user", "u"], true, "UID (format: <uid>[:<gid>])"),
            new(["additional-gids", "g"], true, "additional gids"),
            new(["process", "p"], true, "path to the process.json"),
            new(["detach", "d"], false, "detach from the container's process"),
            new(["pid-file"], true, "specify the file to write the process id to"),
            new(["process-label"], true, "set the asm process label for the process commonly used with selinux"),
            new(["apparmor"], true, "set the apparmor profile for the process"),
            new(["no-new-privs"], false, "set the no new privileges value for the process"),
            new(["cap", "c"], true, "add a capability to the bounding set for the process"),
            new(["preserve-fds"], true, "pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)", "0"),
            new(["cgroup"], true, "run the process in an (existing) sub-cgroup(s). Format is [<controller>:]<cgroup>."),
            new(["ignore-paused"], false, "allow exec in a paused container"),
        ], Run, 1);

    public static ExecOptions Options(ParsedArgs args)
    {
        if (args.Has("pidfd-socket"))
            throw new UsageException("--pidfd-socket: not supported by ociruntime yet");
        return OptionsOf(args);
    }

    private static ExecOptions OptionsOf(ParsedArgs args) => new()
    {
        Id = args.Positional[0],
        Args = args.Positional.Skip(1).ToArray(),
        ProcessFile = args.Value("process"),
        Detach = args.Bool("detach"),
        Tty = args.Bool("tty"),
        ConsoleSocket = args.Value("console-socket"),
        PidFile = args.Value("pid-file"),
        PreserveFds = args.Int("preserve-fds", 0),
        Cwd = args.Value("cwd"),
        Env = args.Values("env"),
        User = args.Value("user"),
        AdditionalGids = Gids(args.Values("additional-gids")),
        Caps = args.Values("cap"),
        NoNewPrivileges = args.Has("no-new-privs") ? args.Bool("no-new-privs") : null,
        Apparmor = args.Value("apparmor"),
        ProcessLabel = args.Value("process-label"),
        Cgroup = args.Value("cgroup"),
        IgnorePaused = args.Bool("ignore-paused"),
    };

    private static uint[] Gids(IReadOnlyList<string> values)
    {
        var gids = new List<uint>();
        foreach (var v in values)
            foreach (var part in v.Split(','))
            {
                if (!uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out uint g))
                    throw new UsageException($"invalid value \"{v}\" for flag --additional-gids: not a gid");
                gids.Add(g);
            }
        return gids.ToArray();
    }

    /// <summary>
    /// runc's exec exits 255 on its own errors: 1..254 and 128+signal
    /// belong to the process, and engines tell the two apart by it.
    /// </summary>
    public const int ErrorExitCode = 255;

    private static int Run(ParsedArgs args)
    {
        var exec = new ExecOperation(GlobalOptions.Current.Root, GlobalOptions.Current.Log);
        ExecOptions options;
        try
        {
            options = Options(args);
            exec.Start(options);
        }
        catch (Exception e) when (e is RuntimeException or SyscallException or UsageException)
        {
            ErrorReporter.Report(e.Message);
            return ErrorExitCode;
        }
        if (options.Detach)
            return 0;
        using var relay = exec.ConsoleMaster >= 0 ? TerminalRelay.Start(exec.ConsoleMaster) : null;
        using var forward = SignalForwarder.Forward(exec.Pid);
        return ProcessControl.WaitChild(exec.Pid);
    }
}
