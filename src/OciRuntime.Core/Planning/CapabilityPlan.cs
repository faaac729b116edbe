namespace OciRuntime.Core.Planning;

/// <summary>
/// The five capability sets as bit masks (bit n = capability n), already
/// limited to what the running kernel knows (cap_last_cap).
/// </summary>
public sealed record CapabilityPlan(
    ulong Bounding,
    ulong Effective,
    ulong Permitted,
    ulong Inheritable,
    ulong Ambient,
    int LastCap);
