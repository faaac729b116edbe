using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`resume`: thaw a paused container.</summary>
internal static class ResumeCommand
{
    public static readonly Command Definition = new("resume", "<container-id>", "resumes all processes that have been previously paused", [], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        new PauseOperation(GlobalOptions.Current.Root).Run(args.Positional[0], pause: false);
        return 0;
    }
}
