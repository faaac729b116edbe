using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`pause`: freeze every process of the container.</summary>
internal static class PauseCommand
{
    public static readonly Command Definition = new("pause", "<container-id>", "pause suspends all processes inside the container", [], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        new PauseOperation(GlobalOptions.Current.Root).Run(args.Positional[0], pause: true);
        return 0;
    }
}
