using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`create`: set up a container and leave its init waiting for `start`.</summary>
internal static class CreateCommand
{
    public static readonly FlagSpec[] Flags =
    [
        new(["bundle", "b"], true, "path to the root of the bundle directory, defaults to the current directory"),
        new(["console-socket"], true, "path to an AF_UNIX socket which will receive a file descriptor referencing the master end of the console's pseudoterminal"),
        new(["pid-file"], true, "specify the file to write the process id to"),
        new(["no-pivot"], false, "do not use pivot root to jail process inside rootfs"),
        new(["no-new-keyring"], false, "do not create a new session keyring for the container"),
        new(["preserve-fds"], true, "pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)", "0"),
    ];

    public static readonly Command Definition = new("create", "<container-id>", "create a container", Flags, Run, 1, 1);

    public static CreateOptions Options(ParsedArgs args, bool stayParent) => new()
    {
        Id = args.Positional[0],
        Bundle = args.Value("bundle") ?? ".",
        PidFile = args.Value("pid-file"),
        ConsoleSocket = args.Value("console-socket"),
        NoPivot = args.Bool("no-pivot"),
        NoNewKeyring = args.Bool("no-new-keyring"),
        PreserveFds = args.Int("preserve-fds", 0),
        StayParent = stayParent,
        SystemdCgroup = GlobalOptions.Current.SystemdCgroup,
    };

    private static int Run(ParsedArgs args)
    {
        SystemdCgroupDriver.Check(GlobalOptions.Current);
        new CreateOperation(GlobalOptions.Current.Root, GlobalOptions.Current.Log).Run(Options(args, stayParent: false));
        return 0;
    }
}
