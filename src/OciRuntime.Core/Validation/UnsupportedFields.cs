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
        At("process.terminal", c => c.Process is { Terminal: true }),
        At("process.apparmorProfile", c => HasText(c.Process?.ApparmorProfile)),
        At("process.selinuxLabel", c => HasText(c.Process?.SelinuxLabel)),
        At("process.scheduler", c => IsSet(c.Process?.Scheduler)),
        At("process.ioPriority", c => IsSet(c.Process?.IoPriority)),
        At("process.execCPUAffinity", c => IsSet(c.Process?.ExecCpuAffinity)),
        OnEachMount("uidMappings", m => HasItems(m.UidMappings)),
        OnEachMount("gidMappings", m => HasItems(m.GidMappings)),
        At("linux.mountLabel", c => HasText(c.Linux?.MountLabel)),
        At("linux.personality", c => IsSet(c.Linux?.Personality)),
        At("linux.memoryPolicy", c => IsSet(c.Linux?.MemoryPolicy)),
        At("linux.intelRdt", c => IsSet(c.Linux?.IntelRdt)),
        At("linux.netDevices", c => HasItems(c.Linux?.NetDevices)),
    ];
}
