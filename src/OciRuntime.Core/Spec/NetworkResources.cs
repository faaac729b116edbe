using System.Text.Json.Serialization;

namespace OciRuntime.Core.Spec;

/// <summary>Part of config.json, named as in the runtime-spec schema.</summary>
public sealed record NetworkResources
{
    [JsonPropertyName("classID")] public uint? ClassId { get; init; }
    [JsonPropertyName("priorities")] public InterfacePriority[]? Priorities { get; init; }
}
