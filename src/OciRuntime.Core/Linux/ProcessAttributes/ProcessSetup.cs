using System;
using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// Applies a <see cref="ProcessPlan"/> to the calling process, inside the
/// container, after pivot_root. Capability, keep-caps and no_new_privs state
/// is per thread in the kernel: every call and the final execve must run on
/// the same thread (no await in between).
/// </summary>
public sealed class ProcessSetup
{
    private readonly IProcessSyscalls _sys;

    public ProcessSetup(IProcessSyscalls sys)
    {
        _sys = sys;
    }

    /// <summary>
    /// Spec: when oomScoreAdj is unset the value MUST NOT change. Lowering it
    /// needs CAP_SYS_RESOURCE, so call this before the credentials change.
    /// </summary>
    public void SetOomScoreAdj(int? value)
    {
        if (value is int v)
            _sys.WriteFile("/proc/self/oom_score_adj", v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>linux.sysctl, in config order.</summary>
    public void ApplySysctls(IReadOnlyDictionary<string, string>? sysctls)
    {
        if (sysctls is null)
            return;
        foreach (var (key, value) in sysctls)
        {
            string path = Sysctl.PathFor(key);
            try
            {
                _sys.WriteFile(path, value);
            }
            catch (SyscallException e)
            {
                throw new SyscallException($"sysctl `{key}={value}` ({path})", e.Errno);
            }
        }
    }

    /// <summary>Like runc, an unset or empty hostname leaves the UTS name alone.</summary>
    public void SetHostname(string? hostname)
    {
        if (!string.IsNullOrEmpty(hostname))
            _sys.SetHostname(hostname);
    }

    public void SetDomainname(string? domainname)
    {
        if (!string.IsNullOrEmpty(domainname))
            _sys.SetDomainname(domainname);
    }

    /// <summary>
    /// Before the uid switch: raising a hard limit needs CAP_SYS_RESOURCE,
    /// which the user process may not keep.
    /// </summary>
    public void ApplyRlimits(ProcessPlan plan)
    {
        foreach (var r in plan.Rlimits)
        {
            try
            {
                _sys.SetRlimit(r.Resource, r.Soft, r.Hard);
            }
            catch (SyscallException e)
            {
                throw new SyscallException($"setrlimit `{r.Name}` (soft {r.Soft}, hard {r.Hard})", e.Errno);
            }
        }
    }

    /// <summary>
    /// The user, groups, working directory and capabilities, in runc's order:
    /// <list type="number">
    /// <item>chdir to cwd as root first: a directory the container user cannot
    /// enter but root can still works; a permission error is retried after the
    /// user switch (a volume chowned to the container user may deny host root
    /// through root_squash or similar).</item>
    /// <item>drop the bounding set: PR_CAPBSET_DROP needs CAP_SETPCAP in the
    /// effective set, which setresuid from 0 to nonzero clears.</item>
    /// <item>keep-caps, setgroups, setresgid, setresuid: PR_SET_KEEPCAPS keeps
    /// the permitted set across the uid change (capabilities(7)).</item>
    /// <item>capset effective/permitted/inheritable, raising effective again
    /// from the kept permitted set.</item>
    /// <item>ambient: cleared, then raised one by one; a cap that cannot be
    /// raised (not in permitted and inheritable) is a warning, as in runc.</item>
    /// </list>
    /// A nonzero uid with an empty ambient set loses its permitted set at
    /// execve (capabilities(7), "Transformation of capabilities during
    /// execve"); that is the kernel's rule and matches runc.
    /// </summary>
    /// <returns>Warnings to log.</returns>
    public IReadOnlyList<string> ApplyCredentials(ProcessPlan plan)
    {
        bool chdirPending = !TryChangeDirectory(plan.Cwd);
        DropBoundingSet(plan);
        SetIdentity(plan);
        if (chdirPending)
            ChangeDirectory(plan.Cwd);
        return ApplyCapabilities(plan);
    }

    /// <summary>Returns false when the chdir failed for lack of permission and should be retried as the container user.</summary>
    public bool TryChangeDirectory(string cwd)
    {
        try
        {
            _sys.Chdir(cwd);
            return true;
        }
        catch (SyscallException e) when (e.Errno is ProcessFlags.EPERM or ProcessFlags.EACCES)
        {
            return false;
        }
        catch (SyscallException e)
        {
            throw ChdirError(cwd, e);
        }
    }

    public void ChangeDirectory(string cwd)
    {
        try
        {
            _sys.Chdir(cwd);
        }
        catch (SyscallException e)
        {
            throw ChdirError(cwd, e);
        }
    }

    private static RuntimeException ChdirError(string cwd, SyscallException e) =>
        new($"chdir to cwd (\"{cwd}\") set in config.json failed: {ErrnoText.Of(e.Errno)}", e);

    /// <summary>
    /// Drops every capability up to the kernel's cap_last_cap that is not in
    /// the bounding set. Without CAP_SETPCAP in the effective set the kernel
    /// refuses every drop, and runc then leaves the bounding set alone; so do we.
    /// </summary>
    public void DropBoundingSet(ProcessPlan plan)
    {
        if (plan.Capabilities is not { } caps)
            return;
        if ((_sys.CapGet().Effective & (1UL << CapabilityNames.CAP_SETPCAP)) == 0)
            return;
        for (int cap = 0; cap <= caps.LastCap; cap++)
        {
            if ((caps.Bounding & (1UL << cap)) != 0)
                continue;
            try
            {
                _sys.DropBounding(cap);
            }
            catch (SyscallException e) when (e.Errno == Flags.EINVAL)
            {
                // Not known to this kernel: nothing to drop.
            }
        }
    }

    /// <summary>
    /// setgroups, setresgid, setresuid between PR_SET_KEEPCAPS 1 and 0.
    /// setgroups also runs with no additional gids, to shed the runtime's own
    /// supplementary groups; it is skipped when the user namespace denies it
    /// (/proc/self/setgroups is "deny", user_namespaces(7)).
    /// </summary>
    public void SetIdentity(ProcessPlan plan)
    {
        _sys.SetKeepCaps(true);

        bool setgroupsAllowed = _sys.ReadFile("/proc/self/setgroups")?.Trim() != "deny";
        if (setgroupsAllowed)
            _sys.SetGroups(plan.AdditionalGids);
        else if (plan.AdditionalGids.Length > 0)
            throw new RuntimeException("cannot set any additional groups in a rootless container");

        try
        {
            _sys.SetResGid(plan.Gid);
        }
        catch (SyscallException e) when (e.Errno == Flags.EINVAL)
        {
            throw new RuntimeException($"cannot setgid to unmapped gid {plan.Gid} in user namespace", e);
        }
        try
        {
            _sys.SetResUid(plan.Uid);
        }
        catch (SyscallException e) when (e.Errno == Flags.EINVAL)
        {
            throw new RuntimeException($"cannot setuid to unmapped uid {plan.Uid} in user namespace", e);
        }

        _sys.SetKeepCaps(false);
    }

    /// <summary>capset, then the ambient set. Returns warnings for ambient capabilities that could not be raised.</summary>
    public IReadOnlyList<string> ApplyCapabilities(ProcessPlan plan)
    {
        if (plan.Capabilities is not { } caps)
            return [];
        _sys.CapSet(caps.Effective, caps.Permitted, caps.Inheritable);

        var warnings = new List<string>();
        try
        {
            _sys.ClearAmbient();
        }
        catch (SyscallException e) when (e.Errno == Flags.EINVAL && caps.Ambient == 0)
        {
            // Kernels before 4.3 have no ambient set; nothing was asked of it.
            return warnings;
        }
        for (int cap = 0; cap <= caps.LastCap; cap++)
        {
            if ((caps.Ambient & (1UL << cap)) == 0)
                continue;
            try
            {
                _sys.RaiseAmbient(cap);
            }
            catch (SyscallException e)
            {
                warnings.Add($"can't raise ambient capability {CapabilityNames.NameOf(cap)}: {ErrnoText.Of(e.Errno)}");
            }
        }
        return warnings;
    }

    public void SetNoNewPrivileges(bool enabled)
    {
        if (enabled)
            _sys.SetNoNewPrivileges();
    }

    public void SetUmask(uint mask) => _sys.SetUmask(mask);

    /// <summary>
    /// personality, scheduler and I/O priority, in runc's order, on the
    /// thread that will execve (all three are per thread and inherited
    /// across execve). Call before the credentials change: a real-time
    /// policy or a negative nice needs CAP_SYS_NICE, IOPRIO_CLASS_RT needs
    /// CAP_SYS_ADMIN, and the user process may keep neither.
    /// </summary>
    public void ApplyProcessAttributes(ProcessAttributesPlan plan)
    {
        if (plan.Personality is uint persona)
            _sys.SetPersonality(persona);
        if (plan.Scheduler is { } scheduler)
            _sys.SetScheduler(scheduler);
        if (plan.IoPriority is int ioprio)
            _sys.SetIoPriority(ioprio);
    }

    /// <summary>
    /// The execve environment: the plan's, plus HOME from the container's
    /// /etc/passwd when the config did not set it. Reads the file, so call it
    /// while still root (before <see cref="ApplyCredentials"/>).
    /// </summary>
    public string[] BuildEnvironment(ProcessPlan plan)
    {
        if (plan.HasHome)
            return plan.Env;
        string? passwd;
        try
        {
            passwd = _sys.ReadFile("/etc/passwd");
        }
        catch (SyscallException)
        {
            // runc treats an unreadable passwd file like a missing one: HOME=/.
            passwd = null;
        }
        return ProcessEnvironment.Finish(plan, passwd);
    }
}
