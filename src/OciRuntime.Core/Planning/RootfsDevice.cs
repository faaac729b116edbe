namespace OciRuntime.Core.Planning;

/// <summary>A device node to provide inside the container (a default device or linux.devices[i]).</summary>
public sealed record RootfsDevice
{
    public string JsonPath { get; init; } = "";
    /// <summary>Cleaned absolute path inside the container.</summary>
    public string Path { get; init; } = "";
    /// <summary>S_IFCHR, S_IFBLK or S_IFIFO.</summary>
    public uint FileType { get; init; }
    public long Major { get; init; }
    public long Minor { get; init; }
    /// <summary>Permission bits only (no file type bits).</summary>
    public uint Permissions { get; init; }
    public uint Uid { get; init; }
    public uint Gid { get; init; }
    /// <summary>
    /// In a user namespace mknod is refused (EPERM), so the host node at the same
    /// path is bind-mounted onto an empty file instead.
    /// </summary>
    public bool BindFromHost { get; init; }
}
