using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`start`: run the user process of a created container.</summary>
internal static class StartCommand
{
    public static readonly Command Definition = new("start", "<container-id>", "executes the user defined process in a created container", [], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        new StartOperation(GlobalOptions.Current.Root, GlobalOptions.Current.Log).Run(args.Positional[0]);
        return 0;
    }
}
