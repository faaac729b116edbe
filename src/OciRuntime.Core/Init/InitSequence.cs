using System;
using System.Collections.Generic;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux.Lsm;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Linux.UserNamespaces;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Init;

/// <summary>
/// The in-container steps, in the order of DESIGN.md, as a flat list read
/// top to bottom. Everything that can fail because of the config happens
/// before "ready", so `create` reports it and leaves nothing behind.
/// </summary>
internal sealed class InitSequence
{
    private readonly InitRequest _request;
    private readonly SyncSocket _socket;
    private readonly ContainerConfig _config;
    private readonly RootfsSetup _rootfs = new(MountSyscalls.Instance);
    private readonly ProcessSetup _process = new(new ProcessSyscalls());
    private RootfsPlan _rootfsPlan = null!;
    private ProcessPlan _processPlan = null!;
    private ProcessAttributesPlan _attributesPlan = null!;
    private LsmPlan _lsmPlan = null!;
    private string[] _env = [];
    private int _fifoFd = -1;
    private int _procFdDir = -1;
    private IReadOnlyDictionary<string, Microsoft.Win32.SafeHandles.SafeFileHandle>? _idmapped;
    private Microsoft.Win32.SafeHandles.SafeFileHandle[] _cgroupFiles = [];
    private bool _joined;

    public List<string> Warnings { get; } = new();
    private string _executable = "";

    public InitSequence(InitRequest request, SyncSocket socket)
    {
        _request = request;
        _socket = socket;
        _config = request.Config;
    }

    private IEnumerable<(string Name, Action Step)> PrepareSteps() =>
    [
        ("plan", Plan),
        ("oom_score_adj", OomScoreAdj),
        ("receive idmapped mounts", ReceiveIdmappedMounts),
        // The runtime creates the cgroup while this process starts; the
        // rootfs mounts below bind its directories.
        ("receive exec fifo and cgroup", ReceiveFiles),
        // As late as a new cgroup namespace allows: it is rooted where the init
        // is when it unshares, and the cgroup mounts below must see that root.
        ("cgroup namespace", CgroupNamespace),
        ("mount rootfs", MountRootfs),
        ("create cwd", CreateCwd),
        ("runtime hooks", RuntimeHooks),
        ("createContainer hooks", CreateContainerHooks),
        ("open exec fifo", OpenFifo),
        ("enter rootfs", EnterRootfs),
        // After pivot_root, so the pty comes from the container's devpts;
        // before the read-only remounts, which may cover /dev/console.
        ("terminal", Terminal),
        // sysctl and hostname before masked/readonly paths, as runc does:
        // /proc/sys is usually among the read-only paths.
        ("sysctl", Sysctl),
        ("hostname", Hostname),
        ("masked and readonly paths", FinishRootfs),
        ("umask", Umask),
        ("rlimits", Rlimits),
        ("environment", BuildEnvironment),
        // Not in DESIGN.md's list: runc sets them after no_new_privs, but a
        // real-time policy needs CAP_SYS_NICE, so they go before credentials.
        ("personality, scheduler, ioPriority", ProcessAttributes),
        // The exec labels take effect at execve only. Written here rather
        // than just before execve: a bad profile or label then fails
        // `create`, and the write happens while still root and before any
        // seccomp filter could deny it (runc sets them before the uid switch too).
        ("apparmor profile, selinux label", LsmExecLabels),
        // seccomp(2) without no_new_privs needs CAP_SYS_ADMIN, which the
        // credentials step may take away (non-root user, reduced sets): then
        // the filter goes on first, as in runc. With no_new_privs it goes on
        // last, so that the fewest of the runtime's own syscalls run under it.
        ("seccomp before credentials", () => LoadSeccomp(noNewPrivileges: false)),
        ("user, groups and capabilities", Credentials),
        ("no_new_privs", NoNewPrivileges),
        ("find executable", FindExecutable),
        ("seccomp", () => LoadSeccomp(noNewPrivileges: true)),
    ];

    public void Prepare()
    {
        foreach (var (name, step) in PrepareSteps())
        {
            FaultInjection.Point("init:" + name);
            step();
        }
    }

    public void WaitForStartAndExec()
    {
        WaitExecFifo();
        FaultInjection.Point("init:after-exec-fifo");
        StartContainerHooks();
        ExecProcess();
    }

    private void Plan()
    {
        // The init is not in its cgroup yet (it joins as late as it can, so
        // that this process's memory is not charged to the container): the
        // runtime predicted the membership it will have.
        _rootfsPlan = MountPlanner.Plan(_config, _request.Rootfs, new RootfsOptions
        {
            NoPivot = _request.NoPivot,
            BundlePath = _request.Bundle,
            CgroupLayout = HostCgroupProbe.Detect(_request.CgroupMembership),
        });
        _processPlan = ProcessPlanner.Plan(_config.Process!, _request.LastCap);
        _attributesPlan = ProcessAttributesPlanner.Plan(_config);
        // The host's /sys is still in view: probe the LSMs before pivot_root.
        _lsmPlan = LsmPlanner.Plan(_config, LsmHost.Probe());
        _rootfsPlan = LsmApplier.ApplyMountLabel(_rootfsPlan, _lsmPlan.MountLabel);
    }

    // Early, while fully privileged: lowering the score needs CAP_SYS_RESOURCE.
    private void OomScoreAdj() => _process.SetOomScoreAdj(_processPlan.OomScoreAdj);

    // Id-mapped trees are prepared by the runtime, which holds the host privileges they need.
    private void ReceiveIdmappedMounts() => _idmapped = IdmappedMounts.Receive(_socket, _rootfsPlan);

    private void ReceiveFiles()
    {
        var files = FdChannel.Receive(_socket, "fds", 1 + _request.CgroupSelfJoin.Length, "exec FIFO and cgroup files");
        // Owned as a plain descriptor from here: WaitExecFifo closes it.
        _fifoFd = (int)files[0].DangerousGetHandle();
        files[0].SetHandleAsInvalid();
        _cgroupFiles = files[1..];
        // Where the runtime writes cgroup.procs (v2, systemd, a hybrid host's
        // unified hierarchy), the write waits for an RCU grace period: ask for
        // it now, without waiting, so that it happens while this process sets
        // up; this process's own start is behind it already. JoinCgroup still
        // waits for it where it must have happened (a new cgroup namespace,
        // runtime hooks), and "ready" comes after it anyway.
        if (_request.CgroupRuntimeJoin)
            InitProcess.Send(_socket, new InitMessage { Type = "join" });
    }

    /// <summary>
    /// Moves this thread into the container's cgroup: itself, through the
    /// runtime's descriptors (see ICgroupManager.SelfJoinFiles); where that
    /// does not reach, the runtime writes cgroup.procs, asked for early
    /// ("join", see ReceiveFiles) and waited for here when
    /// <paramref name="confirmed"/> ("cgroup"), else by "hooks" or "ready". This thread
    /// mounts, runs the hooks and calls execve; the .NET runtime's other
    /// threads end at execve.
    /// </summary>
    private void JoinCgroup(bool confirmed)
    {
        if (_joined)
            return;
        _joined = true;
        for (int i = 0; i < _cgroupFiles.Length; i++)
        {
            using var file = _cgroupFiles[i];
            unsafe
            {
                byte self = (byte)'0';
                if (Libc.Write((int)file.DangerousGetHandle(), &self, 1) < 0)
                    throw new SyscallException($"join the container's cgroup: write `{_request.CgroupSelfJoin[i]}`", Libc.Errno);
            }
        }
        _cgroupFiles = [];
        if (confirmed && _request.CgroupRuntimeJoin)
        {
            InitProcess.Send(_socket, new InitMessage { Type = "cgroup" });
            var reply = InitProcess.Receive(_socket);
            if (reply.Type == "error")
                throw new RuntimeException(reply.Message ?? "joining the container's cgroup failed");
        }
    }

    private void CgroupNamespace()
    {
        if (!_request.UnshareCgroupNamespace)
            return;
        // A new cgroup namespace is rooted where this thread is when it unshares.
        JoinCgroup(confirmed: true);
        // Only this thread changes namespace (the process is multi-threaded),
        // and it is the one that mounts, spawns hooks and calls execve.
        SyscallException.Check(Libc.Unshare((int)NamespaceKind.Cgroup), "unshare cgroup namespace");
    }

    private void MountRootfs() => _rootfs.PrepareRootfs(_rootfsPlan, _idmapped);

    private void CreateCwd() => _rootfs.EnsureDirectory(_rootfsPlan, _processPlan.Cwd);

    private void RuntimeHooks()
    {
        // As late as the hooks allow: what this process faulted in before
        // stays charged to the runtime's cgroup, not the container's.
        JoinCgroup(confirmed: false);
        // prestart and createRuntime run in the runtime's namespaces, by the
        // parent, which also completes the join first (createContainer hooks,
        // next, run in the cgroup too); without hooks the runtime completes
        // the join at "ready".
        bool hooks = _config.Hooks is { } h && (h.Prestart is { Length: > 0 } || h.CreateRuntime is { Length: > 0 } || h.CreateContainer is { Length: > 0 });
        if (!hooks)
            return;
        InitProcess.Send(_socket, new InitMessage { Type = "hooks" });
        var reply = InitProcess.Receive(_socket);
        if (reply.Type == "error")
            throw new RuntimeException(reply.Message ?? "runtime hooks failed");
    }

    // config.md: in the container namespace, after the mounts, before pivot_root.
    private void CreateContainerHooks() =>
        HookRunner.Run("createContainer", _config.Hooks?.CreateContainer, _request.HookState);

    private void OpenFifo()
    {
        // The runtime passed the FIFO as an O_PATH descriptor. After pivot_root
        // it is reopened for writing through this process's fd directory,
        // held open from here: the container may have no /proc of its own.
        _procFdDir = SyscallException.Check(Libc.Open("/proc/self/fd", Flags.O_PATH | Flags.O_DIRECTORY | Flags.O_CLOEXEC, 0), "open `/proc/self/fd`");
    }

    private void EnterRootfs() => _rootfs.EnterRootfs(_rootfsPlan);

    private void Terminal()
    {
        if (_config.Process is { Terminal: true } p)
            InitConsole.Setup(_socket, p.ConsoleSize, mountConsole: true);
    }

    private void FinishRootfs() => _rootfs.FinishRootfs(_rootfsPlan);

    private void Umask() => _process.SetUmask(_processPlan.Umask);

    private void Sysctl() => _process.ApplySysctls(_config.Linux?.Sysctl);

    private void Hostname()
    {
        _process.SetHostname(_config.Hostname);
        _process.SetDomainname(_config.Domainname);
    }

    // Before the uid switch: raising a hard limit needs CAP_SYS_RESOURCE.
    private void Rlimits() => _process.ApplyRlimits(_processPlan);

    // While still root: HOME comes from the container's /etc/passwd.
    private void BuildEnvironment() => _env = _process.BuildEnvironment(_processPlan);

    private void ProcessAttributes() => _process.ApplyProcessAttributes(_attributesPlan);

    private void LsmExecLabels() => new LsmApplier(new ProcessSyscalls()).ApplyExecLabels(_lsmPlan);

    private void Credentials()
    {
        // Warnings go to the runtime's log with "ready", never to the
        // container's stderr, which belongs to the workload.
        Warnings.AddRange(_process.ApplyCredentials(_processPlan));
    }

    private void NoNewPrivileges() => _process.SetNoNewPrivileges(_processPlan.NoNewPrivileges);

    private void LoadSeccomp(bool noNewPrivileges)
    {
        if (_request.Seccomp is null || _processPlan.NoNewPrivileges != noNewPrivileges)
            return;
        int notifyFd = SeccompStep.Load(_request);
        if (notifyFd >= 0)
            SeccompStep.HandOver(_socket, notifyFd);
    }

    // Resolved before "ready" so that a missing executable fails `create`, as in runc.
    private void FindExecutable() => _executable = ExecutableResolver.Resolve(_processPlan.Args[0], _processPlan.PathEnv);

    private void WaitExecFifo()
    {
        if (_fifoFd < 0)
            return;
        // Blocks until `start` opens the FIFO for reading.
        int w = SyscallException.Check(Libc.OpenAt(_procFdDir, _fifoFd.ToString(System.Globalization.CultureInfo.InvariantCulture), Flags.O_WRONLY | Flags.O_CLOEXEC, 0), "open exec fifo");
        unsafe
        {
            byte zero = (byte)'0';
            SyscallException.Check((long)Libc.Write(w, &zero, 1), "write exec fifo");
        }
        Libc.Close(w);
        Libc.Close(_fifoFd);
        Libc.Close(_procFdDir);
        _fifoFd = _procFdDir = -1;
    }

    private void StartContainerHooks()
    {
        // runc hands startContainer hooks the state as "created".
        if (_config.Hooks?.StartContainer is { Length: > 0 } hooks)
            HookRunner.Run("startContainer", hooks, _request.HookState.Replace("\"status\":\"creating\"", "\"status\":\"created\"", StringComparison.Ordinal));
    }

    private void ExecProcess()
    {
        // CVE-2024-21626: nothing but stdio and the preserved fds may cross
        // into the container, whatever the runtime or its caller left open.
        Libc.CloseRange((uint)(3 + _request.PreserveFds), uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC);
        Exec.Execve(_executable, _processPlan.Args, _env);
    }
}
