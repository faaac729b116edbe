using System.Collections.Generic;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Validation;

/// <summary>
/// The closed sets of names config.json may use, as the Linux kernel defines
/// them (capability.h, resource.h, namespaces(7)).
/// </summary>
public static class SemanticNames
{
    /// <summary>Capability names indexed by their kernel number (0..40, CAP_LAST_CAP of Linux 5.9+).</summary>
    public static IReadOnlyList<string> Capabilities => CapabilityNames.All;

    /// <summary>Resource limit names indexed by their RLIMIT_* number on Linux.</summary>
    public static IReadOnlyList<string> Rlimits => RlimitNames.All;

    /// <summary>Namespace types of config-linux.md "Namespaces".</summary>
    public static readonly IReadOnlyList<string> Namespaces =
        ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"];

    /// <summary>Clocks a time namespace can offset (time_namespaces(7)).</summary>
    public static readonly IReadOnlyList<string> TimeOffsetClocks = ["monotonic", "boottime"];

    /// <summary>Device node types of config-linux.md "Devices".</summary>
    public static readonly IReadOnlyList<string> DeviceTypes = ["c", "b", "u", "p"];
}
