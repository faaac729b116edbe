using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// The only way the cgroup code touches the file system. Paths are relative
/// to the cgroup mount root and use '/'; tests substitute a temporary directory.
/// </summary>
public interface ICgroupFiles
{
    /// <summary>Absolute path of <paramref name="path"/>, for messages and state.</summary>
    string FullPath(string path);

    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Names of the real subdirectories (not symlinks) of <paramref name="path"/>.</summary>
    IReadOnlyList<string> Subdirectories(string path);

    /// <summary>Names of the regular files in <paramref name="path"/>.</summary>
    IReadOnlyList<string> FileNames(string path);

    string ReadFile(string path);

    /// <summary>One write of the whole content, as the kernel parses each write(2) separately.</summary>
    void WriteFile(string path, string content);

    void CreateDirectory(string path);

    /// <summary>rmdir; false when the directory does not exist; throws <see cref="SyscallException"/> otherwise.</summary>
    bool RemoveDirectory(string path);
}
