namespace OciRuntime.Core.Planning;

/// <summary>Inputs of <see cref="MountPlanner.Plan"/> that do not come from config.json.</summary>
public sealed record RootfsOptions
{
    /// <summary>--no-pivot: move the rootfs onto / and chroot instead of pivot_root.</summary>
    public bool NoPivot { get; init; }
    /// <summary>Absolute bundle directory; relative bind sources are resolved against it.</summary>
    public string BundlePath { get; init; } = "/";
    /// <summary>Planning of "cgroup" mounts depends on the host's cgroup mounts.</summary>
    public HostCgroupLayout CgroupLayout { get; init; } = HostCgroupLayout.UnifiedDefault;
    /// <summary>The runtime itself runs in a user namespace (rootless): mknod is refused even without linux.namespaces "user".</summary>
    public bool RunningInUserNamespace { get; init; }
}
