using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// One container's cgroup, in whatever hierarchies the host mounts.
/// Resource limits other than devices join this interface as they land.
/// </summary>
public interface ICgroupManager
{
    /// <summary>The cleaned cgroupsPath: absolute ("/default/id") is under each hierarchy root, relative under the runtime's own cgroup.</summary>
    string Path { get; }

    CgroupMode Mode { get; }

    /// <summary>Directory per hierarchy, keyed like runc's state "cgroup_paths": controller name, "name=systemd", or "" for the unified hierarchy.</summary>
    IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>mkdir -p in every hierarchy.</summary>
    void Create();

    /// <summary>Writes the pid to cgroup.procs in every hierarchy.</summary>
    void AddProcess(int pid);

    /// <summary>Installs linux.resources.devices rules (the complete list, defaults included).</summary>
    DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules);

    /// <summary>Every pid in the cgroup and its descendants.</summary>
    IReadOnlyList<int> Pids();

    bool IsFrozen();

    /// <summary>
    /// Removes the container's directories and any child cgroups, leaf first.
    /// Processes still inside make rmdir fail with EBUSY; killing them is the caller's job.
    /// </summary>
    void Destroy();
}
