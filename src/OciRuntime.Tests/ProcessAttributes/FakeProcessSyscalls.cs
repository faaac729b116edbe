using System.Collections.Generic;
using System.Linq;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;

namespace OciRuntime.Tests.ProcessAttributes;

/// <summary>Records every call as one line; fails a call whose line starts with a key of <see cref="Failures"/>.</summary>
internal sealed class FakeProcessSyscalls : IProcessSyscalls
{
    public List<string> Calls { get; } = new();
    public Dictionary<string, string> Files { get; } = new();
    public Dictionary<string, int> Failures { get; } = new();
    public ulong Effective { get; set; } = (1UL << 41) - 1;

    private void Record(string call)
    {
        Calls.Add(call);
        foreach (var (prefix, errno) in Failures)
        {
            if (call.StartsWith(prefix, System.StringComparison.Ordinal))
                throw new SyscallException(call, errno);
        }
    }

    public string? ReadFile(string path)
    {
        Record($"read {path}");
        return Files.TryGetValue(path, out var s) ? s : null;
    }

    public void WriteFile(string path, string content)
    {
        Record($"write {path} {content}");
        Files[path] = content;
    }

    public void SetRlimit(int resource, ulong soft, ulong hard) => Record($"setrlimit {resource} {soft} {hard}");
    public void SetHostname(string name) => Record($"sethostname {name}");
    public void SetDomainname(string name) => Record($"setdomainname {name}");
    public void Chdir(string path) => Record($"chdir {path}");
    public void SetKeepCaps(bool keep) => Record($"keepcaps {(keep ? 1 : 0)}");
    public void SetGroups(IReadOnlyList<uint> gids) => Record($"setgroups [{string.Join(",", gids)}]");
    public void SetResGid(uint gid) => Record($"setresgid {gid}");
    public void SetResUid(uint uid) => Record($"setresuid {uid}");

    public (ulong Effective, ulong Permitted, ulong Inheritable) CapGet()
    {
        Record("capget");
        return (Effective, Effective, 0);
    }

    public void CapSet(ulong effective, ulong permitted, ulong inheritable) =>
        Record($"capset e={effective:x} p={permitted:x} i={inheritable:x}");

    public void DropBounding(int capability) => Record($"bset-drop {capability}");
    public void ClearAmbient() => Record("ambient-clear");
    public void RaiseAmbient(int capability) => Record($"ambient-raise {capability}");
    public void SetNoNewPrivileges() => Record("nnp");
    public void SetUmask(uint mask) => Record($"umask {System.Convert.ToString(mask, 8)}");
    public void SetPersonality(uint persona) => Record($"personality {persona:x}");
    public void SetIoPriority(int ioprio) => Record($"ioprio {ioprio:x}");
    public void SetScheduler(SchedulerAttributes a) => Record($"sched_setattr {a.Policy} {a.Flags:x} {a.Nice} {a.Priority} {a.Runtime} {a.Deadline} {a.Period}");
    public void SetCpuAffinity(int pid, ulong[] mask) => Record($"sched_setaffinity {pid} {string.Join(",", System.Linq.Enumerable.Select(mask, m => m.ToString("x", System.Globalization.CultureInfo.InvariantCulture)))}");

    /// <summary>The calls with their arguments stripped, for order checks.</summary>
    public List<string> Verbs() => Calls.Select(c => c.Split(' ')[0]).ToList();
}
