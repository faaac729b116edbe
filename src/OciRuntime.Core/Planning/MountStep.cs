using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// One step of the rootfs mount sequence, in container terms. The destination is
/// a cleaned absolute path inside the container; the applier resolves it inside the
/// rootfs and never by string concatenation.
/// </summary>
public sealed record MountStep
{
    public MountStepKind Kind { get; init; }
    /// <summary>Where the step came from in config.json, e.g. "mounts[3]", for error messages.</summary>
    public string JsonPath { get; init; } = "";
    public string Destination { get; init; } = "/";
    /// <summary>Mount: the device string; Bind: an absolute host path; Symlink: the link target.</summary>
    public string? Source { get; init; }
    public string? FsType { get; init; }
    /// <summary>Flags of the first mount(2) call (for a bind: MS_BIND and maybe MS_REC only).</summary>
    public MountFlags Flags { get; init; }
    /// <summary>For a bind whose options ask for more than a bind: MS_BIND|MS_REMOUNT|flags of the second call.</summary>
    public MountFlags? RemountFlags { get; init; }
    public IReadOnlyList<MountFlags> Propagation { get; init; } = [];
    public MountAttributes AttrSet { get; init; }
    public MountAttributes AttrClear { get; init; }
    public string Data { get; init; } = "";
    /// <summary>
    /// Host path to bind instead when the mount(2) fails with EPERM or EBUSY
    /// (cgroup2 in a user namespace without a cgroup namespace).
    /// </summary>
    public string? FallbackBindSource { get; init; }
    /// <summary>Bind only: the mount is id-mapped; the runtime prepares it as a detached tree and the init moves it in place.</summary>
    public IdMapMount? IdMap { get; init; }

    public bool HasRecursiveAttributes => AttrSet != MountAttributes.None || AttrClear != MountAttributes.None;
}
