using System;
using System.Collections.Generic;
using System.IO;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;

namespace OciRuntime.Tests.Cgroups;

/// <summary>
/// A temporary directory shaped like a cgroupfs mount root. It behaves like
/// the kernel where a plain directory does not: mkdir makes cgroup.procs,
/// rmdir drops control files, writes are recorded in order, and rmdir can
/// be made to fail with EBUSY.
/// </summary>
public sealed class FakeCgroupFs : ICgroupFiles, IDisposable
{
    private readonly CgroupFiles _real;

    public string Root { get; }
    public List<(string Path, string Content)> Writes { get; } = [];
    public Dictionary<string, int> BusyCount { get; } = [];
    public List<string> Removed { get; } = [];

    private FakeCgroupFs()
    {
        Root = Directory.CreateTempSubdirectory("cgfake").FullName;
        _real = new CgroupFiles(Root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>This host's v1 shape: one directory per controller group, symlinks for co-mounts, name=systemd.</summary>
    public static FakeCgroupFs V1()
    {
        var fs = new FakeCgroupFs();
        foreach (var dir in new[] { "blkio", "cpu,cpuacct", "cpuset", "devices", "freezer", "memory", "pids", "systemd", "net_cls,net_prio" })
            fs.Dir(dir);
        Directory.CreateSymbolicLink(Path.Combine(fs.Root, "cpu"), "cpu,cpuacct");
        Directory.CreateSymbolicLink(Path.Combine(fs.Root, "cpuacct"), "cpu,cpuacct");
        fs.File("cpuset/cpuset.cpus", "0-1\n");
        fs.File("cpuset/cpuset.mems", "0\n");
        return fs;
    }

    public static FakeCgroupFs Hybrid()
    {
        var fs = V1();
        fs.Dir("unified");
        fs.File("unified/cgroup.controllers", "hugetlb\n");
        return fs;
    }

    public static FakeCgroupFs V2()
    {
        var fs = new FakeCgroupFs();
        fs.File("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        fs.File("cgroup.subtree_control", "");
        fs.Dir("init.scope");
        return fs;
    }

    public void Dir(string path)
    {
        Directory.CreateDirectory(Path.Combine(Root, path));
        var procs = Path.Combine(Root, path, "cgroup.procs");
        if (!System.IO.File.Exists(procs))
            System.IO.File.WriteAllText(procs, "");
    }

    public void File(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, path))!);
        System.IO.File.WriteAllText(Path.Combine(Root, path), content);
    }

    public string Read(string path) => System.IO.File.ReadAllText(Path.Combine(Root, path));

    public bool Exists(string path) => Path.Exists(Path.Combine(Root, path));

    public string FullPath(string path) => _real.FullPath(path);
    public bool FileExists(string path) => _real.FileExists(path);
    public bool DirectoryExists(string path) => _real.DirectoryExists(path);
    public IReadOnlyList<string> Subdirectories(string path) => _real.Subdirectories(path);
    public IReadOnlyList<string> FileNames(string path) => _real.FileNames(path);
    public string ReadFile(string path) => _real.ReadFile(path);

    public void WriteFile(string path, string content)
    {
        Writes.Add((path, content));
        if (!_real.FileExists(path))
            File(path, "");
        if (path.EndsWith("cgroup.subtree_control", StringComparison.Ordinal) && content.StartsWith('+'))
        {
            // The kernel keeps the set; "+x" adds one controller.
            var set = new SortedSet<string>(_real.ReadFile(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal) { content[1..] };
            File(path, string.Join(' ', set) + "\n");
            return;
        }
        // Control files hold what was last written (the kernel has no stale tail).
        _real.WriteFile(path, content);
        File(path, content);
    }

    public void CreateDirectory(string path)
    {
        foreach (var level in Levels(path))
        {
            if (!_real.DirectoryExists(level))
            {
                Dir(level);
                // The kernel fills a new cgroup with its controllers' files.
                var above = level.Contains('/') ? level[..level.LastIndexOf('/')] : "";
                if (above.Length > 0)
                {
                    foreach (var name in _real.FileNames(above))
                    {
                        if (!_real.FileExists(level + "/" + name) && !name.StartsWith("cgroup.", StringComparison.Ordinal))
                            File(level + "/" + name, "");
                    }
                }
                // v2: a child offers what its parent enabled for its subtree.
                var parent = level.Contains('/') ? level[..level.LastIndexOf('/')] : "";
                var subtree = parent.Length == 0 ? "cgroup.subtree_control" : parent + "/cgroup.subtree_control";
                if (_real.FileExists(subtree))
                {
                    File(level + "/cgroup.controllers", _real.ReadFile(subtree));
                    File(level + "/cgroup.subtree_control", "");
                }
            }
        }
    }

    public bool RemoveDirectory(string path)
    {
        if (BusyCount.TryGetValue(path, out var busy) && busy != 0)
        {
            BusyCount[path] = busy - 1;
            throw new SyscallException($"rmdir `{FullPath(path)}`", 16);
        }
        var full = Path.Combine(Root, path);
        if (!Directory.Exists(full))
            return false;
        // As cgroupfs: a cgroup with child cgroups is busy.
        if (Directory.GetDirectories(full).Length > 0)
            throw new SyscallException($"rmdir `{FullPath(path)}`", 16);
        foreach (var file in Directory.GetFiles(full))
            System.IO.File.Delete(file);
        Removed.Add(path);
        return _real.RemoveDirectory(path);
    }

    private static IEnumerable<string> Levels(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= parts.Length; i++)
            yield return string.Join('/', parts[..i]);
    }
}
