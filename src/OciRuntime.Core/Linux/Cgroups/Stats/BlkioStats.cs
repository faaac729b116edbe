using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OciRuntime.Core.Linux.Cgroups.Stats;

/// <summary>Bytes and operations per device and direction.</summary>
public sealed record BlkioStats
{
    [JsonPropertyName("ioServiceBytesRecursive")] public List<BlkioEntry>? IoServiceBytesRecursive { get; init; }
    [JsonPropertyName("ioServicedRecursive")] public List<BlkioEntry>? IoServicedRecursive { get; init; }
}
