using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>The serializer's view of the features document: the oracle FeaturesWriter is tested against (the product writes it with FeaturesWriter).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Features))]
public sealed partial class FeaturesJson : JsonSerializerContext
{
}
