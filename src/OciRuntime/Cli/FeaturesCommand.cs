using System;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Cli;

/// <summary>`features`: the runtime-spec features document on stdout.</summary>
internal static class FeaturesCommand
{
    public static readonly Command Definition = new("features", "", "show the enabled features", [], Run, 0, 0);

    private static int Run(ParsedArgs args)
    {
        var features = FeaturesReport.Build(VersionInfo.SpecVersion, VersionInfo.Version);
        Console.Out.Write(FeaturesWriter.Write(features));
        Console.Out.Write('\n');
        return 0;
    }
}
