using System;
using System.Collections.Generic;
using System.IO;
using OciRuntime.Core.Linux.Cgroups.Stats;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// The systemd driver (--systemd-cgroup): systemd creates the container's
/// cgroup as a transient scope unit holding the init, with Delegate=yes so
/// the runtime may write below it; the cgroupfs driver then works on the
/// directory systemd made (and, on v1, the same path in the hierarchies
/// systemd does not manage), as runc's systemd driver does.
/// A scope cannot exist without a process, so the unit starts when the
/// init's pid is known (<see cref="AddProcess"/>), and the limits planned
/// before that are applied then.
/// </summary>
public sealed class SystemdCgroupManager : ICgroupManager
{
    private readonly CgroupManager _fs;
    private readonly string _description;
    private IReadOnlyList<CgroupSetting> _pendingSettings = [];
    private IReadOnlyList<DeviceCgroup>? _pendingDevices;
    private bool _started;
    private bool _requested;

    private SystemdCgroupManager(string cgroupsPath, SystemdCgroupPath unit, CgroupManager fs, string description, bool started)
    {
        Path = cgroupsPath;
        Unit = unit;
        _fs = fs;
        _description = description;
        _started = started;
    }

    public SystemdCgroupPath Unit { get; }

    /// <summary>Opens a connection to systemd for one call (a seam for tests).</summary>
    internal Func<SystemdClient> Connect { get; set; } = SystemdClient.Connect;

    /// <summary>The "slice:prefix:name" value as configured.</summary>
    public string Path { get; }

    public CgroupMode Mode => _fs.Mode;

    public IReadOnlyDictionary<string, string> Paths => _fs.Paths;

    /// <param name="id">The container id for the unit's Description.</param>
    /// <param name="started">Whether the unit already exists (commands after create).</param>
    public static SystemdCgroupManager Open(string cgroupsPath, string id, bool started, string mountRoot = "/sys/fs/cgroup") =>
        Open(cgroupsPath, id, started, new CgroupFiles(mountRoot));

    internal static SystemdCgroupManager Open(string cgroupsPath, string id, bool started, ICgroupFiles files)
    {
        var unit = SystemdCgroupPath.Parse(cgroupsPath);
        // systemd's tree starts at the hierarchy root (of the runtime's cgroup
        // namespace), so the unit's directory is absolute.
        var fs = CgroupManager.Open(unit.CgroupDirectory, files, static () => "");
        return new SystemdCgroupManager(cgroupsPath, unit, fs, $"ociruntime container {id}", started);
    }

    /// <summary>Nothing yet: systemd refuses a scope without a process.</summary>
    public void Create()
    {
    }

    /// <summary>None: systemd places the process when it starts the scope.</summary>
    public IReadOnlyList<string> SelfJoinFiles => [];

    public bool JoinsBeyondSelfJoin => true;

    public void AddProcess(int pid, bool exceptSelfJoined = false)
    {
        if (_started)
        {
            _fs.AddProcess(pid);
            return;
        }
        var properties = new List<SystemdProperty> { SystemdProperty.String("Description", _description) };
        if (Unit.IsSlice)
        {
            properties.Add(new SystemdProperty("Wants", new DbusVariant("as", new List<object?> { Unit.Slice })));
        }
        else
        {
            properties.Add(SystemdProperty.String("Slice", Unit.Slice));
            properties.Add(SystemdProperty.Bool("Delegate", true));
            properties.Add(SystemdProperty.Pids((uint)pid));
        }
        // Without default dependencies the unit is not ordered against
        // shutdown.target and friends; the runtime, not systemd, decides its life.
        properties.Add(SystemdProperty.Bool("DefaultDependencies", false));
        properties.AddRange(SystemdResourceProperties.From(_pendingSettings));
        _requested = true;
        using (var client = Connect())
        {
            try
            {
                client.StartTransientUnit(Unit.Unit, properties);
            }
            catch (RuntimeException e) when (e.InnerException is DbusErrorException { Name: SystemdClient.UnitExists })
            {
                // A failed unit of an earlier container with this name stays
                // loaded until reset; a live one is a real conflict.
                client.ResetFailedUnit(Unit.Unit);
                client.StartTransientUnit(Unit.Unit, properties);
            }
        }
        _started = true;
        // v1 hierarchies systemd does not manage (cpuset, net_cls, ...)
        // need the directory and the pid from the runtime; where systemd
        // already did both, this changes nothing.
        _fs.Create();
        _fs.AddProcess(pid);
        _fs.ApplyResources(_pendingSettings);
        if (_pendingDevices is { } rules)
            _fs.ApplyDevices(rules);
    }

    public DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules)
    {
        if (_started)
            return _fs.ApplyDevices(rules);
        _pendingDevices = rules;
        return Mode == CgroupMode.Unified || Paths.ContainsKey("devices") ? DeviceEnforcement.Enforced : DeviceEnforcement.NotEnforced;
    }

    public IReadOnlyList<CgroupSetting> PlanResources(LinuxResources? resources, string origin = "config.json") =>
        _fs.PlanResources(resources, origin);

    public void ApplyResources(IReadOnlyList<CgroupSetting> settings)
    {
        if (!_started)
        {
            _pendingSettings = settings;
            return;
        }
        var properties = SystemdResourceProperties.From(settings);
        if (properties.Count > 0)
        {
            using var client = Connect();
            client.SetUnitProperties(Unit.Unit, properties);
        }
        _fs.ApplyResources(settings);
    }

    public void SetFrozen(bool frozen) => _fs.SetFrozen(frozen);

    public bool KillAll() => _fs.KillAll();

    public CgroupStats Stats() => _fs.Stats();

    public ulong OomKills() => _fs.OomKills();

    public IReadOnlyList<int> Pids() => _fs.Pids();

    public bool IsFrozen() => _fs.IsFrozen();

    /// <summary>Stops the unit (systemd removes its cgroups), then removes what systemd did not create.</summary>
    public void Destroy()
    {
        // A create that failed before the init existed never asked systemd
        // for anything: nothing to stop, and no need for systemd to answer.
        if (!_started && !_requested)
        {
            _fs.Destroy();
            return;
        }
        using (var client = Connect())
        {
            client.StopUnit(Unit.Unit);
            client.ResetFailedUnit(Unit.Unit);
        }
        _fs.Destroy();
    }
}
