using System.Collections.Generic;
using OciRuntime.Core.Linux.Cgroups.Stats;
using OciRuntime.Core.Planning;
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

    /// <summary>Writes the pid to cgroup.procs in every hierarchy (with <paramref name="exceptSelfJoined"/>, in those <see cref="SelfJoinFiles"/> do not cover).</summary>
    void AddProcess(int pid, bool exceptSelfJoined = false);

    /// <summary>
    /// Where a process can move itself: the v1 hierarchies' `tasks` files,
    /// absolute, opened by the runtime (the kernel checks the opener's
    /// credentials) and written "0" by the process's own thread. A thread
    /// moving itself does not take the kernel's global threadgroup lock,
    /// whose write side (every cgroup.procs write) first waits for an RCU
    /// grace period when the lock was idle: 5–20 ms measured on this kind of
    /// host. It moves only that thread; the process's other threads follow
    /// at execve, which ends them. Empty on v2 and for the systemd driver.
    /// </summary>
    IReadOnlyList<string> SelfJoinFiles { get; }

    /// <summary>Whether some hierarchy is not covered by <see cref="SelfJoinFiles"/>, so that the runtime still writes cgroup.procs there.</summary>
    bool JoinsBeyondSelfJoin { get; }

    /// <summary>Installs linux.resources.devices rules (the complete list, defaults included).</summary>
    DeviceEnforcement ApplyDevices(IReadOnlyList<DeviceCgroup> rules);

    /// <summary>
    /// Checks linux.resources (devices aside) against this host's cgroup
    /// version and mounted controllers, and returns the writes that apply
    /// them; throws a one-line error naming the JSON path of a bad value.
    /// </summary>
    /// <param name="origin">First word of error messages: "config.json", or "update" for the update command.</param>
    IReadOnlyList<CgroupSetting> PlanResources(LinuxResources? resources, string origin = "config.json");

    /// <summary>Writes planned settings into the container's directories.</summary>
    void ApplyResources(IReadOnlyList<CgroupSetting> settings);

    /// <summary>Freezes (pause) or thaws (resume) every task, and waits until the kernel reports it done.</summary>
    void SetFrozen(bool frozen);

    /// <summary>SIGKILLs every task through cgroup.kill (v2, Linux 5.14+); false when that file is not available.</summary>
    bool KillAll();

    /// <summary>Counters for `events`.</summary>
    CgroupStats Stats();

    /// <summary>OOM kills so far in the cgroup (memory.events or memory.oom_control "oom_kill").</summary>
    ulong OomKills();

    /// <summary>Every pid in the cgroup and its descendants.</summary>
    IReadOnlyList<int> Pids();

    bool IsFrozen();

    /// <summary>
    /// Removes the container's directories and any child cgroups, leaf first.
    /// Processes still inside make rmdir fail with EBUSY; killing them is the caller's job.
    /// </summary>
    void Destroy();
}
