using System.Text.Json.Serialization;

namespace OciRuntime.Core.Init;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InitRequest))]
[JsonSerializable(typeof(InitMessage))]
internal sealed partial class InitJson : JsonSerializerContext
{
}
