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
        At("linux.resources.memory", c => IsSet(c.Linux?.Resources?.Memory)),
        At("linux.resources.cpu", c => IsSet(c.Linux?.Resources?.Cpu)),
        At("linux.resources.pids", c => IsSet(c.Linux?.Resources?.Pids)),
        At("linux.resources.blockIO", c => IsSet(c.Linux?.Resources?.BlockIo)),
        At("linux.resources.hugepageLimits", c => HasItems(c.Linux?.Resources?.HugepageLimits)),
        At("linux.resources.network", c => IsSet(c.Linux?.Resources?.Network)),
        At("linux.resources.rdma", c => HasItems(c.Linux?.Resources?.Rdma)),
        At("linux.resources.unified", c => HasItems(c.Linux?.Resources?.Unified)),
    ];
}
