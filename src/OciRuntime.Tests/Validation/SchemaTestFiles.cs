using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Validation;

namespace OciRuntime.Tests.Validation;

/// <summary>Where the official runtime-spec schemas and the project's fixtures live, and validators over them.</summary>
internal static class SchemaTestFiles
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<JsonSchemaValidator> OfficialValidator = new(() => new JsonSchemaValidator(LoadDirectory(OfficialSchemaDir)));
    private static readonly Lazy<JsonSchemaValidator> ProjectValidator = new(() => new JsonSchemaValidator(SchemaValidator.LoadDocuments()));

    public static string RepoRoot => Root.Value;

    public static string OfficialSchemaDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "runtime-spec", "schema"));

    public static string ProjectFixtureDir => Path.Combine(RepoRoot, "schemas", "fixtures");

    public static JsonSchemaValidator Official => OfficialValidator.Value;

    /// <summary>The project's schemas exactly as the runtime loads them: from the embedded resources.</summary>
    public static JsonSchemaValidator Project => ProjectValidator.Value;

    public static IReadOnlyList<string> ValidateFile(JsonSchemaValidator validator, string rootDocument, string file) =>
        validator.Validate(rootDocument, File.ReadAllBytes(file), Path.GetFileName(file));

    public static IReadOnlyDictionary<string, JsonDocument> LoadDirectory(string directory) =>
        Directory.GetFiles(directory, "*.json").ToDictionary(f => Path.GetFileName(f), f => JsonDocument.Parse(File.ReadAllBytes(f)));

    /// <summary>Official fixtures as (kind, good, file name), kind being config, state or features.</summary>
    public static IEnumerable<(string Kind, bool Good, string File)> OfficialFixtures()
    {
        foreach (string kind in new[] { "config", "state", "features" })
        {
            foreach (var (folder, good) in new[] { ("good", true), ("bad", false) })
            {
                string directory = Path.Combine(OfficialSchemaDir, "test", kind, folder);
                foreach (string file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
                {
                    yield return (kind, good, file);
                }
            }
        }
    }

    public static string RootDocumentFor(string kind) => kind + "-schema.json";

    /// <summary>
    /// Official fixtures named after another platform (freebsd-*, zos-*)
    /// exercise sections the project's Linux schemas only check for shape.
    /// </summary>
    public static bool IsLinuxRelevant(string file)
    {
        string name = Path.GetFileName(file);
        return !name.StartsWith("freebsd-", StringComparison.Ordinal) && !name.StartsWith("zos-", StringComparison.Ordinal)
            && !name.StartsWith("windows-", StringComparison.Ordinal) && !name.StartsWith("solaris-", StringComparison.Ordinal);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OciRuntime.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("OciRuntime.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
