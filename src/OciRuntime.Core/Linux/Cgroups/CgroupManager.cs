using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using OciRuntime.Core.Linux.Cgroups.Stats;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// The cgroupfs driver: places a container in every mounted hierarchy, as
/// runc's "fs" manager does, on v1, hybrid and v2 hosts.
/// </summary>
public sealed class CgroupManager : ICgroupManager
{
    private const int Ebusy = 16;
    private const int Eperm = 1;

    private readonly ICgroupFiles _files;
    private readonly IReadOnlyList<(CgroupHierarchy Hierarchy, string Dir)> _dirs;

    /// <summary>How long <see cref="Destroy"/> retries an rmdir that fails with EBUSY.</summary>
    internal TimeSpan RemoveTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Attaches an encoded device filter to a v2 cgroup directory (a seam for tests).</summary>
    internal Action<string, IReadOnlyList<ulong>> AttachDeviceFilter { get; set; } = DeviceFilterLoader.Replace;

    /// <summary>Whether the runtime runs as root (a seam for tests).</summary>
    internal Func<bool> IsRoot { get; set; } = static () => Interop.Libc.GetEuid() == 0;

    public string Path { get; }

    public CgroupMode Mode { get; }

    public IReadOnlyDictionary<string, string> Paths { get; }

    private CgroupManager(ICgroupFiles files, CgroupMode mode, CgroupPath path, IReadOnlyList<(CgroupHierarchy, string)> dirs)
    {
        _files = files;
        Mode = mode;
        Path = path.ToString();
        _dirs = dirs;
        var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (hierarchy, dir) in dirs)
        {
            if (hierarchy.IsUnified)
                paths[""] = files.FullPath(dir);
            foreach (var controller in hierarchy.Controllers)
                paths[controller] = files.FullPath(dir);
        }
        Paths = paths;
    }

    /// <summary>
    /// runc's choice when linux.cgroupsPath is unset: the container id,
    /// relative, so it lands under the runtime's own cgroup.
    /// </summary>
    public static string DefaultPath(string id) => id;

    /// <summary>Opens (does not create) the cgroup for a linux.cgroupsPath value.</summary>
    public static CgroupManager Open(string cgroupsPath, string mountRoot = "/sys/fs/cgroup") =>
        Open(cgroupsPath, new CgroupFiles(mountRoot), static () => File.ReadAllText("/proc/self/cgroup"));

    /// <param name="ownCgroups">Reads /proc/self/cgroup; called only for a relative path.</param>
    internal static CgroupManager Open(string cgroupsPath, ICgroupFiles files, Func<string> ownCgroups)
    {
        var path = CgroupPath.Parse(cgroupsPath);
        var (mode, hierarchies) = Detect(files);
        var own = path.IsAbsolute ? null : ParseOwnCgroups(ownCgroups());
        var dirs = new List<(CgroupHierarchy, string)>();
        foreach (var hierarchy in hierarchies)
        {
            var parent = own is null ? "" : OwnPathIn(hierarchy, own).Trim('/');
            dirs.Add((hierarchy, Join(hierarchy.MountDir, parent, path.Relative)));
        }
        return new CgroupManager(files, mode, path, dirs);
    }

    /// <summary>Reads the layout from the mount root (a v2 root has cgroup.controllers; v1 has one directory per hierarchy).</summary>
    public static (CgroupMode Mode, IReadOnlyList<CgroupHierarchy> Hierarchies) Detect(ICgroupFiles files)
    {
        if (files.FileExists("cgroup.controllers"))
            return (CgroupMode.Unified, [new CgroupHierarchy("", [], IsUnified: true)]);

        var hierarchies = new List<CgroupHierarchy>();
        var hybrid = false;
        foreach (var name in files.Subdirectories(""))
        {
            if (name == "unified")
            {
                if (files.FileExists("unified/cgroup.controllers"))
                {
                    hybrid = true;
                    hierarchies.Add(new CgroupHierarchy(name, [], IsUnified: true));
                }
                continue;
            }
            // The named systemd hierarchy carries no controller but tracks
            // processes for systemd; runc places containers in it too.
            IReadOnlyList<string> controllers = name == "systemd" ? ["name=systemd"] : name.Split(',');
            hierarchies.Add(new CgroupHierarchy(name, controllers, IsUnified: false));
        }
        if (hierarchies.Count == 0 || hierarchies.All(h => h.IsUnified))
            throw new RuntimeException($"no cgroup hierarchy found under `{files.FullPath("")}`");
        return (hybrid ? CgroupMode.Hybrid : CgroupMode.Legacy, hierarchies);
    }

    public void Create()
    {
        foreach (var (hierarchy, dir) in _dirs)
        {
            if (hierarchy.Controllers.Contains("cpuset"))
                CreateCpuset(hierarchy.MountDir, dir);
            else if (Mode == CgroupMode.Unified)
                CreateUnified(dir);
            else
                _files.CreateDirectory(dir);
        }
    }

    /// <summary>
    /// On a v2 host a controller's files appear in a cgroup only when every
    /// ancestor lists it in cgroup.subtree_control ("Top-down Constraint",
    /// cgroup-v2.rst); enable what each level offers, like runc's fs2 driver.
    /// Levels that hold processes refuse (the "no internal process"
    /// constraint); the limits then fail with a clear message instead.
    /// </summary>
    private void CreateUnified(string dir)
    {
        var parent = "";
        foreach (var segment in dir.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var available = ReadWords(Join(parent, "cgroup.controllers"));
            var enabled = ReadWords(Join(parent, "cgroup.subtree_control"));
            foreach (var controller in available)
            {
                if (enabled.Contains(controller))
                    continue;
                try
                {
                    _files.WriteFile(Join(parent, "cgroup.subtree_control"), "+" + controller);
                }
                catch (SyscallException)
                {
                    // Not every controller can be enabled everywhere (threaded subtrees, busy levels).
                }
            }
            parent = Join(parent, segment);
            _files.CreateDirectory(parent);
        }
    }

    private HashSet<string> ReadWords(string file) =>
        _files.FileExists(file)
            ? new HashSet<string>(_files.ReadFile(file).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal)
            : [];

    public IReadOnlyList<CgroupSetting> PlanResources(LinuxResources? resources, string origin = "config.json")
    {
        // Refuse before anything is created: a limit the host cannot
        // enforce must not silently become no limit.
        if (Mode == CgroupMode.Unified)
        {
            var v2 = CgroupV2ResourcePlanner.Plan(resources, origin);
            var available = ReadWords("cgroup.controllers");
            foreach (var s in v2)
            {
                if (s.Controller.Length > 0 && !available.Contains(s.Controller))
                    throw new RuntimeException($"{origin}: {s.JsonPath}: the {s.Controller} cgroup controller is not available on this host");
            }
            return v2;
        }
        var settings = CgroupV1ResourcePlanner.Plan(resources, origin);
        foreach (var s in settings)
        {
            if (DirOf(s.Controller) is null)
                throw new RuntimeException($"{origin}: {s.JsonPath}: the {s.Controller} cgroup controller is not mounted on this host");
        }
        return settings;
    }

    public void ApplyResources(IReadOnlyList<CgroupSetting> settings) =>
        CgroupResourceWriter.Apply(_files, settings, ControllerDir);

    /// <summary>Directory holding a controller's files: its v1 hierarchy, or the one v2 directory.</summary>
    private string? ControllerDir(string controller) =>
        Mode == CgroupMode.Unified ? _dirs[0].Dir : DirOf(controller);

    public void SetFrozen(bool frozen)
    {
        if (DirOf("freezer") is { } freezer)
            CgroupFreezer.SetV1(_files, freezer, frozen);
        else if (Mode == CgroupMode.Unified)
            CgroupFreezer.SetV2(_files, _dirs[0].Dir, frozen);
        else
            throw new RuntimeException("the freezer cgroup controller is not mounted on this host");
    }

    public bool KillAll()
    {
        // Hybrid hosts run the v1 hierarchies as the primary ones, as runc does.
        if (Mode != CgroupMode.Unified)
            return false;
        var kill = Join(_dirs[0].Dir, "cgroup.kill");
        if (!_files.FileExists(kill))
            return false;
        _files.WriteFile(kill, "1");
        return true;
    }

    public CgroupStats Stats()
    {
        var reader = new CgroupStatsReader(_files);
        return Mode == CgroupMode.Unified ? reader.ReadV2(_dirs[0].Dir) : reader.ReadV1(DirOf);
    }

    public ulong OomKills()
    {
        var reader = new CgroupStatsReader(_files);
        if (Mode == CgroupMode.Unified)
            return reader.OomKills(Join(_dirs[0].Dir, "memory.events"));
        return DirOf("memory") is { } memory ? reader.OomKills(Join(memory, "memory.oom_control")) : 0;
    }

    /// <summary>
    /// A new v1 cpuset cgroup starts with empty cpus and mems, and moving a
    /// task into it fails with ENOSPC; fill each level from its parent.
    /// </summary>
    private void CreateCpuset(string mountDir, string dir)
    {
        var parent = mountDir;
        foreach (var segment in dir[mountDir.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var current = Join(parent, segment);
            _files.CreateDirectory(current);
            foreach (var file in (string[])["cpuset.cpus", "cpuset.mems"])
            {
                var own = Join(current, file);
                if (_files.FileExists(own) && _files.ReadFile(own).Trim().Length > 0)
                    continue;
                var inherited = _files.ReadFile(Join(parent, file)).Trim();
                if (inherited.Length > 0)
                    _files.WriteFile(own, inherited);
            }
            parent = current;
        }
    }

    public void AddProcess(int pid, bool exceptSelfJoined = false)
    {
        foreach (var (hierarchy, dir) in _dirs)
            if (!exceptSelfJoined || hierarchy.IsUnified)
                _files.WriteFile(Join(dir, "cgroup.procs"), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // Loops rather than LINQ over the (hierarchy, dir) tuples here and below:
    // LINQ's generic virtual methods over a value type make NativeAOT build
    // the instantiation at run time, a visible cost on every `create`.
    public IReadOnlyList<string> SelfJoinFiles
    {
        get
        {
            var files = new List<string>(_dirs.Count);
            foreach (var (hierarchy, dir) in _dirs)
                if (!hierarchy.IsUnified)
                    files.Add(_files.FullPath(Join(dir, "tasks")));
            return files;
        }
    }

    public bool JoinsBeyondSelfJoin
    {
        get
        {
            foreach (var (hierarchy, _) in _dirs)
                if (hierarchy.IsUnified)
                    return true;
            return false;
        }
    }

    public DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules)
    {
        var dir = DirOf("devices");
        if (dir is null)
        {
            if (Mode != CgroupMode.Unified)
                return DeviceEnforcement.NotEnforced;
            // cgroup v2 has no devices files; the kernel asks a
            // BPF_PROG_TYPE_CGROUP_DEVICE program instead (cgroup-v2.rst, "Device controller").
            var program = DeviceFilterProgram.Encode(DeviceFilterProgram.Build(rules));
            try
            {
                AttachDeviceFilter(_files.FullPath(_dirs[0].Dir), program);
            }
            catch (SyscallException e) when (e.Errno == Eperm && !IsRoot())
            {
                // Loading a BPF program needs CAP_BPF or CAP_SYS_ADMIN; in a
                // delegated rootless cgroup runc and crun go on without the
                // filter, since an unprivileged user namespace cannot create
                // device nodes anyway.
                return DeviceEnforcement.NotEnforced;
            }
            return DeviceEnforcement.Enforced;
        }
        foreach (var write in CgroupV1DeviceRules.Plan(rules))
            _files.WriteFile(Join(dir, write.File), write.Content);
        return DeviceEnforcement.Enforced;
    }

    public IReadOnlyList<int> Pids()
    {
        // Every hierarchy holds the same processes; devices is the one runc
        // reads, and any other serves when it is not mounted.
        var dir = DirOf("devices") ?? DirOf("pids") ?? DirOf("freezer") ?? _dirs[0].Dir;
        var pids = new List<int>();
        var seen = new HashSet<int>();
        if (!_files.DirectoryExists(dir))
            return pids;
        var all = new List<string>();
        PreOrder(dir, all);
        foreach (var cgroup in all)
        {
            var procs = Join(cgroup, "cgroup.procs");
            if (!_files.FileExists(procs))
                continue;
            foreach (var line in _files.ReadFile(procs).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
                    throw new RuntimeException($"unexpected line \"{line}\" in `{_files.FullPath(procs)}`");
                if (seen.Add(pid))
                    pids.Add(pid);
            }
        }
        return pids;
    }

    public bool IsFrozen()
    {
        var freezer = DirOf("freezer");
        if (freezer is not null)
        {
            var state = Join(freezer, "freezer.state");
            return _files.FileExists(state) && _files.ReadFile(state).Trim() == "FROZEN";
        }
        if (Mode != CgroupMode.Unified)
            return false;
        // cgroup.freeze is the request; cgroup.events "frozen 1" says every
        // task has actually stopped (cgroup-v2.rst, "Core Interface Files").
        var dir = _dirs[0].Dir;
        var freeze = Join(dir, "cgroup.freeze");
        var events = Join(dir, "cgroup.events");
        if (!_files.FileExists(freeze) || _files.ReadFile(freeze).Trim() != "1" || !_files.FileExists(events))
            return false;
        return _files.ReadFile(events).Split('\n').Any(l => l.Trim() == "frozen 1");
    }

    public void Destroy()
    {
        Exception? first = null;
        foreach (var (_, dir) in _dirs)
        {
            // Usually an empty leaf: one rmdir (false: it was not there). A
            // child cgroup or a task still on its way out (EBUSY) sends it
            // the long way below.
            try
            {
                _files.RemoveDirectory(dir);
                continue;
            }
            catch (SyscallException)
            {
            }
            if (!_files.DirectoryExists(dir))
                continue;
            var all = new List<string>();
            PreOrder(dir, all);
            all.Reverse();
            foreach (var cgroup in all)
            {
                try
                {
                    RemoveWithRetry(cgroup);
                }
                catch (SyscallException e)
                {
                    first ??= e;
                }
            }
        }
        if (first is not null)
            throw new RuntimeException($"remove cgroup {Path}: {first.Message}", first);
    }

    /// <summary>
    /// rmdir fails with EBUSY until the last task has left, which after a
    /// SIGKILL takes a moment (zombies are reaped by the parent).
    /// </summary>
    private void RemoveWithRetry(string dir)
    {
        var deadline = DateTime.UtcNow + RemoveTimeout;
        var delay = 5;
        while (true)
        {
            try
            {
                _files.RemoveDirectory(dir);
                return;
            }
            catch (SyscallException e) when (e.Errno == Ebusy && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 100);
            }
        }
    }

    private void PreOrder(string dir, List<string> into)
    {
        into.Add(dir);
        foreach (var child in _files.Subdirectories(dir))
            PreOrder(Join(dir, child), into);
    }

    private string? DirOf(string controller)
    {
        foreach (var (hierarchy, dir) in _dirs)
        {
            if (hierarchy.Controllers.Contains(controller))
                return dir;
        }
        return null;
    }

    /// <summary>/proc/self/cgroup: "hierarchy-id:controller,list:/path" per line (cgroups(7)).</summary>
    private static List<(string[] Controllers, string Path)> ParseOwnCgroups(string text)
    {
        var result = new List<(string[], string)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3)
                result.Add((parts[1].Length == 0 ? [] : parts[1].Split(','), parts[2]));
        }
        return result;
    }

    private static string OwnPathIn(CgroupHierarchy hierarchy, List<(string[] Controllers, string Path)> own)
    {
        foreach (var (controllers, path) in own)
        {
            if (hierarchy.IsUnified ? controllers.Length == 0 : SharesOne(controllers, hierarchy.Controllers))
                return path;
        }
        return "/";
    }

    private static bool SharesOne(string[] a, IReadOnlyList<string> b)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (x == y)
                    return true;
        return false;
    }

    private static string Join(params string[] parts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            var p = part.AsSpan().Trim('/');
            if (p.IsEmpty)
                continue;
            if (sb.Length > 0)
                sb.Append('/');
            sb.Append(p);
        }
        return sb.ToString();
    }
}
