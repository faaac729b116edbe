using System.Text.Json.Serialization;

namespace OciRuntime.Core.Operations;

/// <summary>The serializer's view of the event records: the oracle EventsWriter is tested against (the product writes events with EventsWriter).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerEvent))]
public sealed partial class EventsJson : JsonSerializerContext
{
}
