using System;
using System.Collections.Generic;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Linux.Lsm;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Init;

/// <summary>
/// The in-container steps of `exec`, top to bottom. The C bootstrap has
/// joined every namespace of the container init (user first, mount last)
/// and the runtime has put it in the container's cgroup: the rootfs is set
/// up already, so only the process attributes remain, in the same order as
/// <see cref="InitSequence"/> applies them.
/// </summary>
internal sealed class ExecSequence
{
    private readonly InitRequest _request;
    private readonly SyncSocket _socket;
    private readonly Process _process;
    private readonly ProcessSetup _setup = new(new ProcessSyscalls());
    private ProcessPlan _plan = null!;
    private string[] _env = [];
    private string _executable = "";

    public List<string> Warnings { get; } = new();

    public ExecSequence(InitRequest request, SyncSocket socket)
    {
        _request = request;
        _socket = socket;
        _process = request.Config.Process ?? throw new RuntimeException("exec: no process");
    }

    private IEnumerable<(string Name, Action Step)> Steps() =>
    [
        ("plan", Plan),
        ("terminal", Terminal),
        ("umask", () => _setup.SetUmask(_plan.Umask)),
        ("rlimits", () => _setup.ApplyRlimits(_plan)),
        ("environment", () => _env = _setup.BuildEnvironment(_plan)),
        ("personality, scheduler, ioPriority", () => _setup.ApplyProcessAttributes(ProcessAttributesPlanner.Plan(_request.Config))),
        // Before the uid switch and seccomp, as in the container init: a bad
        // profile fails the exec, and no filter can block the write.
        ("apparmor profile, selinux label", () => new LsmApplier(new ProcessSyscalls()).ApplyExecLabels(LsmPlanner.Plan(_request.Config, LsmHost.Probe()))),
        // Same reasoning as the container init: without no_new_privs the
        // filter needs CAP_SYS_ADMIN, which the credentials may drop.
        ("seccomp before credentials", () => LoadSeccomp(noNewPrivileges: false)),
        ("user, groups and capabilities", () => Warnings.AddRange(_setup.ApplyCredentials(_plan))),
        ("no_new_privs", () => _setup.SetNoNewPrivileges(_plan.NoNewPrivileges)),
        ("find executable", () => _executable = ExecutableResolver.Resolve(_plan.Args[0], _plan.PathEnv)),
        ("seccomp", () => LoadSeccomp(noNewPrivileges: true)),
    ];

    public void Prepare()
    {
        foreach (var (name, step) in Steps())
        {
            FaultInjection.Point("exec:init:" + name);
            step();
        }
    }

    public void Exec()
    {
        FaultInjection.Point("exec:init:before-execve");
        // CVE-2024-21626: only stdio and the preserved fds cross into the container.
        Libc.CloseRange((uint)(3 + _request.PreserveFds), uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC);
        Linux.ProcessAttributes.Exec.Execve(_executable, _plan.Args, _env);
    }

    private void Plan() => _plan = ProcessPlanner.Plan(_process, _request.LastCap);

    // No /dev/console mount: the console of the container belongs to its init.
    private void Terminal()
    {
        if (_process.Terminal)
            InitConsole.Setup(_socket, _process.ConsoleSize, mountConsole: false);
    }

    private void LoadSeccomp(bool noNewPrivileges)
    {
        if (_request.Seccomp is null || _plan.NoNewPrivileges != noNewPrivileges)
            return;
        int notifyFd = SeccompStep.Load(_request);
        if (notifyFd >= 0)
            SeccompStep.HandOver(_socket, notifyFd);
    }
}
