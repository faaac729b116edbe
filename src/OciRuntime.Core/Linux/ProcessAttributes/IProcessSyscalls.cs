using System.Collections.Generic;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// The side effects <see cref="ProcessSetup"/> performs, one method per
/// kernel call, so tests can record the order. Every method throws
/// <see cref="SyscallException"/> on failure.
/// </summary>
public interface IProcessSyscalls
{
    /// <summary>Content of a small file, or null when it does not exist.</summary>
    string? ReadFile(string path);
    void WriteFile(string path, string content);
    void SetRlimit(int resource, ulong soft, ulong hard);
    void SetHostname(string name);
    void SetDomainname(string name);
    void Chdir(string path);
    void SetKeepCaps(bool keep);
    void SetGroups(IReadOnlyList<uint> gids);
    void SetResGid(uint gid);
    void SetResUid(uint uid);
    /// <summary>capget of the calling thread: (effective, permitted, inheritable).</summary>
    (ulong Effective, ulong Permitted, ulong Inheritable) CapGet();
    void CapSet(ulong effective, ulong permitted, ulong inheritable);
    void DropBounding(int capability);
    void ClearAmbient();
    void RaiseAmbient(int capability);
    void SetNoNewPrivileges();
    void SetUmask(uint mask);
    void SetPersonality(uint persona);
    /// <summary>ioprio_set(2) for the calling thread.</summary>
    void SetIoPriority(int ioprio);
    /// <summary>sched_setattr(2) for the calling thread.</summary>
    void SetScheduler(SchedulerAttributes attributes);
    /// <summary>sched_setaffinity(2); pid 0 is the calling thread.</summary>
    void SetCpuAffinity(int pid, ulong[] mask);
}
