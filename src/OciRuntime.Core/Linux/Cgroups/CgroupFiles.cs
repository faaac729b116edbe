using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary><see cref="ICgroupFiles"/> over a real directory (normally /sys/fs/cgroup).</summary>
public sealed class CgroupFiles : ICgroupFiles
{
    private readonly string _root;

    public CgroupFiles(string root) => _root = root.TrimEnd('/');

    public string FullPath(string path) => path.Length == 0 ? _root : _root + "/" + path.TrimStart('/');

    public bool FileExists(string path) => File.Exists(FullPath(path));

    public bool DirectoryExists(string path) => Directory.Exists(FullPath(path));

    public IReadOnlyList<string> Subdirectories(string path)
    {
        var result = new List<string>();
        foreach (var dir in new DirectoryInfo(FullPath(path)).EnumerateDirectories())
        {
            // cpu -> cpu,cpuacct style symlinks name the same hierarchy twice.
            if (dir.LinkTarget is null)
                result.Add(dir.Name);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public IReadOnlyList<string> FileNames(string path)
    {
        var result = new List<string>();
        var dir = new DirectoryInfo(FullPath(path));
        if (dir.Exists)
        {
            foreach (var file in dir.EnumerateFiles())
                result.Add(file.Name);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public string ReadFile(string path) => File.ReadAllText(FullPath(path));

    public unsafe void WriteFile(string path, string content)
    {
        var full = FullPath(path);
        // One write(2) with the kernel's own errno: cgroupfs reports a bad
        // value as EINVAL/ENODEV/EBUSY on the write, which the message must carry.
        var what = $"write `{content}` to `{full}`";
        int fd = SyscallException.Check(Libc.Open(full, Flags.O_WRONLY | Flags.O_CLOEXEC, 0), what);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            fixed (byte* p = bytes)
            {
                var n = Libc.Write(fd, p, (nuint)bytes.Length);
                if (n < 0)
                    throw new SyscallException(what, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(FullPath(path));

    public bool RemoveDirectory(string path)
    {
        var full = FullPath(path);
        try
        {
            Directory.Delete(full, recursive: false);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException e) when (e.HResult is > 0 and < 4096)
        {
            // On Unix .NET carries the raw errno in HResult for errors it has no dedicated type for (EBUSY).
            throw new SyscallException($"rmdir `{full}`", e.HResult);
        }
    }
}
