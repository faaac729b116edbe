using System.Text.Json.Serialization;

namespace OciRuntime.Core.Lifecycle;

/// <summary>Source-generated JSON for the state directory's files.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ContainerRecord))]
public sealed partial class LifecycleJson : JsonSerializerContext
{
}
