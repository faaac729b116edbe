namespace OciRuntime.Core.Planning;

/// <summary>What one <see cref="MountStep"/> does.</summary>
public enum MountStepKind
{
    /// <summary>mount(2) of a filesystem (proc, tmpfs, cgroup2, ...) on a directory.</summary>
    Mount,
    /// <summary>Bind of a host path, then a remount when flags beyond bind are requested.</summary>
    Bind,
    /// <summary>Remount of the mount already at the destination (MS_REMOUNT with <see cref="MountStep.Flags"/>).</summary>
    Remount,
    /// <summary>A symlink at the destination whose target is <see cref="MountStep.Source"/> (cgroup v1 co-mounts).</summary>
    Symlink,
}
