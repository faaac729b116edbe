using System.Collections.Generic;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Linux.Cgroups.Stats;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// Stands in for the container's cgroup when a non-root runtime has none it
/// may write to (see <see cref="RootlessCgroups"/>): nothing is created,
/// joined or limited.
/// </summary>
public sealed class SkippedCgroup : ICgroupManager
{
    public SkippedCgroup(string path, CgroupMode mode)
    {
        Path = path;
        Mode = mode;
    }

    public string Path { get; }
    public CgroupMode Mode { get; }
    public IReadOnlyDictionary<string, string> Paths { get; } = new Dictionary<string, string>();
    public void Create() { }
    public void AddProcess(int pid, bool exceptSelfJoined = false) { }
    public IReadOnlyList<string> SelfJoinFiles => [];
    public bool JoinsBeyondSelfJoin => false;
    public DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules) => DeviceEnforcement.Enforced;
    public IReadOnlyList<int> Pids() => [];
    public bool IsFrozen() => false;
    public void Destroy() { }

    // Without a cgroup there is nothing to limit: the warning about the
    // skipped cgroup already told the user, as runc's rootless mode does.
    public IReadOnlyList<CgroupSetting> PlanResources(LinuxResources? resources, string origin = "config.json") => [];
    public void ApplyResources(IReadOnlyList<CgroupSetting> settings) { }
    public void SetFrozen(bool frozen) =>
        throw new RuntimeException("pause and resume need a cgroup the runtime may write to (rootless without a delegated cgroup v2)");
    public bool KillAll() => false;
    public CgroupStats Stats() => new();
    public ulong OomKills() => 0;
}
