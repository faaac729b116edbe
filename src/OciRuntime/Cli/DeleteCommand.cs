using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`delete`: remove a container's resources.</summary>
internal static class DeleteCommand
{
    public static readonly Command Definition = new("delete", "<container-id>", "delete any resources held by the container often used with detached container",
        [new(["force", "f"], false, "Forcibly deletes the container if it is still running (uses SIGKILL)")], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        new DeleteOperation(GlobalOptions.Current.Root, GlobalOptions.Current.Log).Run(args.Positional[0], args.Bool("force"));
        return 0;
    }
}
