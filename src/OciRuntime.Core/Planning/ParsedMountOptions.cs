using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The options array of one mount, sorted into what each kernel interface takes:
/// mount(2) flags, propagation changes (each one a separate mount(2) call),
/// mount_setattr(2) recursive attributes, and the filesystem data string.
/// </summary>
public sealed record ParsedMountOptions
{
    public MountFlags Flags { get; init; }
    public IReadOnlyList<MountFlags> Propagation { get; init; } = [];
    public MountAttributes AttrSet { get; init; }
    public MountAttributes AttrClear { get; init; }
    public bool Bind { get; init; }
    public bool RecursiveBind { get; init; }
    /// <summary>True when an explicit "rw" appeared (cgroup mounts default to read-only otherwise).</summary>
    public bool ExplicitReadWrite { get; init; }
    public string Data { get; init; } = "";

    public bool HasRecursiveAttributes => AttrSet != MountAttributes.None || AttrClear != MountAttributes.None;
}
