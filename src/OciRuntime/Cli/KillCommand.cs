using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`kill`: send a signal to the container's init (or all its processes).</summary>
internal static class KillCommand
{
    public static readonly Command Definition = new("kill", "<container-id> [signal]", "kill sends the specified signal (default: SIGTERM) to the container's init process",
        [new(["all", "a"], false, "send the specified signal to all processes inside the container")], Run, 1, 2);

    private static int Run(ParsedArgs args)
    {
        int signal = Signals.Parse(args.Positional.Count > 1 ? args.Positional[1] : "SIGTERM");
        new KillOperation(GlobalOptions.Current.Root).Run(args.Positional[0], signal, args.Bool("all"));
        return 0;
    }
}
