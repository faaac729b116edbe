using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Lsm;

/// <summary>
/// Applies an <see cref="LsmPlan"/> inside the container. The exec labels are
/// written to the calling thread's /proc/thread-self/attr files: the kernel
/// accepts a write there only from the task itself (proc_pid_attr_write),
/// and the label takes effect at that thread's next execve, so the runtime
/// itself keeps running unconfined until the user process starts.
/// </summary>
public sealed class LsmApplier
{
    public const string AppArmorExec = "/proc/thread-self/attr/apparmor/exec";
    public const string LegacyExec = "/proc/thread-self/attr/exec";

    private readonly IProcessSyscalls _sys;

    public LsmApplier(IProcessSyscalls sys) => _sys = sys;

    public void ApplyExecLabels(LsmPlan plan)
    {
        if (plan.AppArmorProfile is { } profile)
        {
            // Kernels since 5.8 give each LSM its own attr directory; older
            // ones only have the shared file, which AppArmor owns when it is
            // the major LSM.
            try
            {
                _sys.WriteFile(AppArmorExec, "exec " + profile);
            }
            catch (SyscallException e) when (e.Errno == Flags.ENOENT)
            {
                Write(LegacyExec, "exec " + profile, "apparmor profile", profile);
            }
            catch (SyscallException e)
            {
                throw Error("apparmor profile", profile, e);
            }
        }
        if (plan.ProcessLabel is { } label)
            Write(LegacyExec, label, "selinux label", label);
    }

    /// <summary>context="label" on every filesystem the container mounts for itself that takes the option; binds keep their source's labels.</summary>
    public static RootfsPlan ApplyMountLabel(RootfsPlan plan, string? label)
    {
        if (label is null)
            return plan;
        var steps = new MountStep[plan.Mounts.Count];
        for (int i = 0; i < steps.Length; i++)
        {
            var m = plan.Mounts[i];
            // proc, sysfs and cgroup carry fixed labels of their own; mqueue
            // has no context= option (runc relabels its directory instead).
            bool takesContext = m.Kind == MountStepKind.Mount && m.FsType is not ("proc" or "sysfs" or "cgroup" or "cgroup2" or "mqueue");
            steps[i] = takesContext ? m with { Data = FormatMountLabel(m.Data, label) } : m;
        }
        return plan with { Mounts = steps };
    }

    /// <summary>Appends context="label" to mount data, quoted so the commas and colons of a label stay one option.</summary>
    public static string FormatMountLabel(string data, string label) =>
        data.Length == 0 ? $"context=\"{label}\"" : $"{data},context=\"{label}\"";

    private void Write(string path, string content, string what, string value)
    {
        try
        {
            _sys.WriteFile(path, content);
        }
        catch (SyscallException e)
        {
            throw Error(what, value, e);
        }
    }

    private static RuntimeException Error(string what, string value, SyscallException e) =>
        new($"set {what} `{value}` for exec: {ErrnoText.Of(e.Errno)}", e);
}
