using System.IO;
using System.Text.Json;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Core.Operations;

/// <summary>
/// Reads a bundle's config.json, validates it against the runtime-spec
/// schema before anything else, decodes it, then applies the semantic checks.
/// </summary>
public static class BundleLoader
{
    public static ContainerConfig Load(string bundle) => Read(bundle).Config;

    public static LoadedConfig Read(string bundle)
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
        catch (System.UnauthorizedAccessException e)
        {
            throw new RuntimeException($"read `{path}`: {e.Message}");
        }
        return new LoadedConfig(Decode(raw), raw);
    }

    public static ContainerConfig Decode(byte[] raw)
    {
        CheckStrings(raw);
        Fail(SchemaValidator.ValidateConfig(raw));
        var config = SpecReader.ReadConfig(raw);
        Fail(SemanticValidator.Validate(config));
        return config;
    }

    /// <summary>Reports the first error; the others would only repeat the one-line rule.</summary>
    private static void Fail(System.Collections.Generic.IReadOnlyList<string> errors)
    {
        if (errors.Count == 1)
            throw new RuntimeException(Clip(errors[0]));
        if (errors.Count > 1)
            throw new RuntimeException($"{Clip(errors[0])} (and {errors.Count - 1} more error{(errors.Count > 2 ? "s" : "")})");
    }

    /// <summary>
    /// System.Text.Json checks a string's UTF-8 and escapes only when it is
    /// read, so a property name with a stray byte or a lone surrogate escape
    /// (\ud800) passed parsing and threw InvalidOperationException deep in
    /// the validator. One pass up front turns that into a config error.
    /// </summary>
    private static void CheckStrings(byte[] raw)
    {
        var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    reader.GetString();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the schema validator reports it with its position.
        }
        catch (System.InvalidOperationException)
        {
            throw new RuntimeException($"config.json: byte {reader.TokenStartIndex}: string is not valid UTF-8 or holds an unpaired surrogate escape");
        }
    }

    private const int MaxErrorLength = 1000;

    /// <summary>
    /// Errors quote the offending value, which a hostile config can make
    /// megabytes long: keep both ends (the path and the rule) and elide the middle.
    /// </summary>
    internal static string Clip(string message)
    {
        if (message.Length <= MaxErrorLength)
            return message;
        int keep = MaxErrorLength / 2;
        return $"{message[..keep]}…({message.Length - 2 * keep} characters elided)…{message[^keep..]}";
    }

    public static string RootfsPath(ContainerConfig config, string bundle)
    {
        var root = config.Root?.Path;
        if (string.IsNullOrEmpty(root))
            throw new RuntimeException("config.json: root.path: required property is missing");
        var full = Path.GetFullPath(Path.Combine(bundle, root));
        if (!Directory.Exists(full))
            throw new RuntimeException($"config.json: root.path: rootfs `{full}` does not exist");
        return full;
    }
}
