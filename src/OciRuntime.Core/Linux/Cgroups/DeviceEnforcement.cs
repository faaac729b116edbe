namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>Whether device rules were installed, so the caller can log when they were not.</summary>
public enum DeviceEnforcement
{
    Enforced,

    /// <summary>cgroup v2 enforces devices through an eBPF program, which this version does not load yet.</summary>
    NotEnforced,
}
