using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Source-generated JSON for the `features` document; indented like runc's output.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Features))]
public sealed partial class FeaturesJson : JsonSerializerContext
{
}
