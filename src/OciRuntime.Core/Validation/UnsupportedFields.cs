using System.Collections.Generic;
using static OciRuntime.Core.Validation.UnsupportedField;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The one list of config.json fields that are valid per the spec but not
/// implemented by this runtime version. Refusing them is safer than silently
/// running a container with less confinement or fewer limits than asked for.
/// Each feature that lands removes its line here.
/// </summary>
public static class UnsupportedFields
{
    public static readonly IReadOnlyList<UnsupportedField> All =
    [
        At("linux.memoryPolicy", c => IsSet(c.Linux?.MemoryPolicy)),
        At("linux.intelRdt", c => IsSet(c.Linux?.IntelRdt)),
        At("linux.netDevices", c => HasItems(c.Linux?.NetDevices)),
    ];
}
