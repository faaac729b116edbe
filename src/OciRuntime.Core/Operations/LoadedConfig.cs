using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// A bundle's config.json, validated and decoded, with the bytes it came
/// from: the init request and the stored copy carry those bytes as they are
/// instead of serializing the records again.
/// </summary>
public sealed record LoadedConfig(ContainerConfig Config, byte[] Raw);
