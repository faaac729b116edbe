using System.IO;
using System.Text.Json;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Cli;

/// <summary>`spec`: write a default config.json, like `runc spec`.</summary>
internal static class SpecCommand
{
    public static readonly Command Definition = new("spec", "", "create a new specification file",
        [new(["bundle", "b"], true, "path to the root of the bundle directory"), new(["rootless"], false, "generate a configuration for a rootless container")], Run, 0, 0);

    private static int Run(ParsedArgs args)
    {
        var dir = args.Value("bundle") ?? ".";
        var path = Path.Combine(dir, "config.json");
        if (File.Exists(path))
            throw new RuntimeException("File config.json exists. Remove it first");
        var config = DefaultSpec.Create(args.Bool("rootless"));
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            SpecWriter.Write(writer, config);
        stream.WriteByte((byte)'\n');
        return 0;
    }
}
