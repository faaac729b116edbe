using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>
/// The only way JSON enters or leaves the spec model: source-generated, so it
/// is trim- and AOT-safe and costs no reflection at startup.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ContainerConfig))]
[JsonSerializable(typeof(State))]
[JsonSerializable(typeof(Process))]
[JsonSerializable(typeof(LinuxResources))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class SpecJson : JsonSerializerContext
{
}
