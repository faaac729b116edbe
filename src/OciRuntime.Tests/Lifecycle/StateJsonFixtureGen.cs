using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Lifecycle;

public class StateJsonFixtureGen
{
    [Test, Explicit]
    public void Generate()
    {
        var dir = Path.Combine(Validation.SchemaTestFiles.RepoRoot, "src/OciRuntime.Tests/Lifecycle/Fixtures");
        foreach (var (name, rec) in StateJsonSamples.Records())
            File.WriteAllBytes(Path.Combine(dir, $"record-{name}.json"), JsonSerializer.SerializeToUtf8Bytes(rec, LifecycleJson.Default.ContainerRecord));
        foreach (var (name, view) in StateJsonSamples.Views())
            File.WriteAllText(Path.Combine(dir, $"view-{name}.json"), JsonSerializer.Serialize(view, OperationsJson.Default.StateView));
        File.WriteAllText(Path.Combine(dir, "list.json"), JsonSerializer.Serialize(new List<StateView>(StateJsonSamples.ViewList()), OperationsJson.Default.ListStateView));
        foreach (var (name, st) in StateJsonSamples.HookStates())
            File.WriteAllText(Path.Combine(dir, $"hookstate-{name}.json"), JsonSerializer.Serialize(st, SpecJson.Default.State));
    }
}
