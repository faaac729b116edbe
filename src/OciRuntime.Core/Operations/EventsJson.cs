using System.Text.Json.Serialization;

namespace OciRuntime.Core.Operations;

/// <summary>Compact, one event per line, as runc writes them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerEvent))]
public sealed partial class EventsJson : JsonSerializerContext
{
}
