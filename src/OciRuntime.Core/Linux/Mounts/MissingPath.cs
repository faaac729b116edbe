namespace OciRuntime.Core.Linux.Mounts;

/// <summary>What <see cref="IMountSyscalls.OpenInRoot"/> does when a component does not exist.</summary>
public enum MissingPath
{
    /// <summary>Fail with ENOENT.</summary>
    Fail,
    /// <summary>Create every missing component as a directory (0755).</summary>
    CreateDirectory,
    /// <summary>Create missing parents as directories and the last component as an empty file (0644).</summary>
    CreateFile,
}
