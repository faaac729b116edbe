namespace OciRuntime.Cli;

/// <summary>`list`: the containers under --root.</summary>
internal static class ListCommand
{
    public static readonly Command Definition = new("list", "", "lists containers started by ociruntime with the given root",
        [new(["format", "f"], true, "select one of: table or json", "table"), new(["quiet", "q"], false, "display only container IDs")], Run, 0, 0);

    private static int Run(ParsedArgs args) => throw new UsageException("list: not wired yet");
}
