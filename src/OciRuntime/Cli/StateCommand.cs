namespace OciRuntime.Cli;

/// <summary>`state`: print the container's state JSON.</summary>
internal static class StateCommand
{
    public static readonly Command Definition = new("state", "<container-id>", "output the state of a container", [], Run, 1, 1);

    private static int Run(ParsedArgs args) => throw new UsageException("state: not wired yet");
}
