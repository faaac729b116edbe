using System.Collections.Generic;
using OciRuntime.Core.Linux.Cgroups;
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
    public void AddProcess(int pid) { }
    public DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules) => DeviceEnforcement.Enforced;
    public IReadOnlyList<int> Pids() => [];
    public bool IsFrozen() => false;
    public void Destroy() { }
}
