using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>Everything the container init does to the mount namespace, in order, computed purely from config.json.</summary>
public sealed record RootfsPlan
{
    /// <summary>Absolute host path of the rootfs.</summary>
    public string RootfsPath { get; init; } = "";
    /// <summary>Without a new mount namespace the init only chroots (mounting would change the host).</summary>
    public bool MountNamespace { get; init; }
    public bool NoPivot { get; init; }
    /// <summary>The container has (or the runtime runs in) a user namespace: no mknod, locked mount flags.</summary>
    public bool UserNamespace { get; init; }
    /// <summary>Applied to "/" before anything is mounted (runc: MS_SLAVE|MS_REC unless rootfsPropagation says otherwise).</summary>
    public MountFlags RootPropagation { get; init; } = MountFlags.Slave | MountFlags.Recursive;
    /// <summary>linux.rootfsPropagation, applied again to the new "/" after pivot_root; null when unset.</summary>
    public MountFlags? RootfsPropagation { get; init; }
    public IReadOnlyList<MountStep> Mounts { get; init; } = [];
    /// <summary>False when config.json bind-mounts /dev: the runtime then leaves /dev alone.</summary>
    public bool SetupDev { get; init; }
    public IReadOnlyList<RootfsDevice> Devices { get; init; } = [];
    public IReadOnlyList<RootfsSymlink> DevSymlinks { get; init; } = [];
    public IReadOnlyList<string> MaskedPaths { get; init; } = [];
    public IReadOnlyList<string> ReadonlyPaths { get; init; } = [];
    public bool ReadonlyRoot { get; init; }
}
