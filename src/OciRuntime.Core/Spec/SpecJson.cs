using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>
/// The serializer's view of the spec model: the oracle SpecReader, SpecWriter
/// and StateWriter are tested against. The product reads and writes the model
/// with those hand-written codecs: building this context's metadata cost
/// milliseconds per process and its code a fifth of the binary.
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
