using System.Reflection;

namespace OciRuntime.Cli;

/// <summary>`--version`: first line "ociruntime version X", then commit and spec lines (runc's shape).</summary>
internal static class VersionInfo
{
    public const string Version = "0.1.0";
    public const string SpecVersion = "1.3.0";

    public static string Text()
    {
        var commit = typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        int plus = commit.IndexOf('+');
        commit = plus >= 0 ? commit.Substring(plus + 1) : "unknown";
        return $"ociruntime version {Version}\ncommit: {commit}\nspec: {SpecVersion}\n";
    }
}
