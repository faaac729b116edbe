namespace OciRuntime.Cli;

/// <summary>`spec`: write a default config.json.</summary>
internal static class SpecCommand
{
    public static readonly Command Definition = new("spec", "", "create a new specification file",
        [new(["bundle", "b"], true, "path to the root of the bundle directory"), new(["rootless"], false, "generate a configuration for a rootless container")], Run, 0, 0);

    private static int Run(ParsedArgs args) => throw new UsageException("spec: not wired yet");
}
