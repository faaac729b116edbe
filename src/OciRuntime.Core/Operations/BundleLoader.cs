using System.IO;
using System.Text.Json;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>Reads, validates and decodes a bundle's config.json.</summary>
public static class BundleLoader
{
    public static (ContainerConfig Config, byte[] Raw) Load(string bundle)
    {
        if (!Directory.Exists(bundle))
            throw new RuntimeException($"bundle `{bundle}`: no such directory");
        var path = Path.Combine(bundle, "config.json");
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new RuntimeException($"open `{path}`: no such file or directory");
        }
        catch (IOException e)
        {
            throw new RuntimeException($"read `{path}`: {e.Message}");
        }
        ContainerConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(raw, SpecJson.Default.ContainerConfig);
        }
        catch (JsonException e)
        {
            throw new RuntimeException($"config.json: {e.Message}");
        }
        return (config ?? throw new RuntimeException("config.json: empty document"), raw);
    }

    public static string RootfsPath(ContainerConfig config, string bundle)
    {
        var root = config.Root?.Path;
        if (string.IsNullOrEmpty(root))
            throw new RuntimeException("config.json: root.path: required");
        var full = Path.GetFullPath(Path.Combine(bundle, root));
        if (!Directory.Exists(full))
            throw new RuntimeException($"config.json: root.path: rootfs `{full}` does not exist");
        return full;
    }
}
