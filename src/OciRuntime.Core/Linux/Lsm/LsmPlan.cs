namespace OciRuntime.Core.Linux.Lsm;

/// <summary>The labels the init applies; null means "nothing to do" (not asked for, or skipped as runc does).</summary>
public sealed record LsmPlan
{
    /// <summary>process.apparmorProfile, applied at the user process's execve.</summary>
    public string? AppArmorProfile { get; init; }

    /// <summary>process.selinuxLabel, applied at the user process's execve.</summary>
    public string? ProcessLabel { get; init; }

    /// <summary>linux.mountLabel, given as the context= option of the container's own filesystem mounts.</summary>
    public string? MountLabel { get; init; }
}
