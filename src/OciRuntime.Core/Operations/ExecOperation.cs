using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Init;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;
using OciRuntime.Core.Linux.Capabilities;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Linux.Terminal;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `exec`, runtime side: the same launcher as `create`, with a bootstrap
/// message that only joins the container init's namespaces (the C bootstrap
/// orders them: user first, mount last), the new process placed in the
/// container's cgroup during the bootstrap's "wait" handshake (before it
/// runs anything of the user's), and an init request that applies only the
/// process attributes, under the seccomp filter compiled from the config
/// stored at create time.
/// </summary>
public sealed class ExecOperation
{
    private readonly StateStore _store;
    private readonly ILogger? _log;

    public ExecOperation(string stateRoot, ILogger? log)
    {
        _store = new StateStore(stateRoot);
        _log = log;
    }

    /// <summary>The pid of the exec'd process, once it is about to execve.</summary>
    public int Pid { get; private set; }

    /// <summary>The pty master when the caller relays the terminal itself (foreground, no --console-socket); else -1.</summary>
    public int ConsoleMaster { get; private set; } = -1;

    /// <summary>Starts the process; the caller waits for it (<see cref="Pid"/>) unless detached.</summary>
    public void Start(ExecOptions options)
    {
        ContainerId.Validate(options.Id);
        using var lck = _store.Lock(options.Id, LockMode.Shared);
        var container = Container.Load(_store, options.Id);
        var status = container.Status();
        if (!(status == ContainerStatus.Paused && options.IgnorePaused))
            Transitions.Ensure(ContainerOperation.Exec, status, options.Id);

        var config = StoredConfig.Load(_store, container.Record);
        var process = ExecProcess.Build(config.Process, options);
        ConsoleHandoff.CheckOptions(process.Terminal, options.ConsoleSocket, options.Detach);
        var execConfig = config with { Process = process };
        foreach (var field in UnsupportedFields.All)
            foreach (var path in field.Occurrences(execConfig))
                if (path.StartsWith("process.", StringComparison.Ordinal) && path != "process.terminal")
                    throw new RuntimeException($"{path}: not supported by ociruntime yet");

        int lastCap = KernelCapabilities.ReadLastCap();
        var plan = ProcessPlanner.Plan(process, lastCap);
        foreach (var w in plan.Warnings)
            _log?.LogWarning("{Warning}", w);
        var seccomp = config.Linux?.Seccomp is { } profile
            ? SeccompCompiler.Compile(SeccompPlanner.Plan(profile), name => _log?.LogDebug("seccomp: unknown syscall \"{Name}\" skipped", name))
            : null;
        var nsPlan = JoinPlan(container.Record);
        var cgroup = Cgroup(container, options.Cgroup);

        // The bootstrap exits after forking the process: as subreaper the
        // runtime inherits it and can wait for its exit status.
        if (!options.Detach)
            ChildSubreaper.Enable();

        // config.md execCPUAffinity: "initial" before the process joins the
        // container's cgroup, "final" once it is there (the fork inherits it).
        var affinity = ProcessAttributesPlanner.Plan(execConfig);
        var sys = new ProcessSyscalls();
        FaultInjection.Point("exec:before-spawn");
        int pid;
        SyncSocket socket;
        // On cgroup v1 the bootstrap moves itself in (see ICgroupManager.SelfJoinFiles),
        // unless the CPU affinity must change around the move.
        var selfJoin = cgroup is { JoinsBeyondSelfJoin: false } ? cgroup.SelfJoinFiles : [];
        if (selfJoin.Count > 0 && affinity.ExecCpuAffinityInitial is null && affinity.ExecCpuAffinityFinal is null)
        {
            var files = SelfJoinFiles.Open(selfJoin);
            try
            {
                (pid, socket) = InitLauncher.Launch(nsPlan, options.PreserveFds, keyring: null, placeBootstrap: null, files);
            }
            finally
            {
                foreach (var fd in files)
                    Interop.Libc.Close(fd);
            }
        }
        else
        {
            (pid, socket) = InitLauncher.Launch(nsPlan, options.PreserveFds, keyring: null, p =>
            {
                if (affinity.ExecCpuAffinityInitial is { } initial)
                    sys.SetCpuAffinity(p, initial);
                cgroup?.AddProcess(p);
                if (affinity.ExecCpuAffinityFinal is { } final)
                    sys.SetCpuAffinity(p, final);
            });
        }
        FaultInjection.Point("exec:after-spawn");
        using (socket)
        {
            try
            {
                var request = new InitRequest
                {
                    Exec = true,
                    Config = execConfig,
                    Bundle = container.Record.Bundle,
                    Rootfs = container.Record.Rootfs,
                    PreserveFds = options.PreserveFds,
                    Id = options.Id,
                    LastCap = lastCap,
                    Seccomp = seccomp,
                };
                socket.SendLarge(InitRequestCodec.Encode(request, SpecWriter.Write(execConfig)));
                FaultInjection.Point("exec:after-request");
                // A notify agent is told of the exec'd process with the container's state (runtime.md).
                var state = Container.HookState(container.Record.OciVersion, options.Id, ContainerStatus.Running, container.Record.InitPid, container.Record.Bundle, container.Record.Annotations);
                WaitReady(socket, options.ConsoleSocket, config.Linux?.Seccomp, pid, state);
                FaultInjection.Point("exec:after-ready");
            }
            catch
            {
                if (ProcessControl.Kill(pid, 9))
                    ProcessControl.WaitGone(pid, TimeSpan.FromSeconds(5));
                if (ConsoleMaster >= 0)
                {
                    Interop.Libc.Close(ConsoleMaster);
                    ConsoleMaster = -1;
                }
                throw;
            }
        }
        Pid = pid;
        if (options.PidFile is not null)
            PidFile.Write(options.PidFile, pid);
        FaultInjection.Point("exec:after-pid-file");
    }

    private void WaitReady(SyncSocket socket, string? consoleSocket, Spec.Seccomp? profile, int pid, string state)
    {
        while (true)
        {
            var msg = InitProcess.Receive(socket);
            switch (msg.Type)
            {
                case "ready":
                    if (msg.Message is not null)
                        _log?.LogWarning("{Warnings}", msg.Message);
                    return;
                case "error":
                    throw new RuntimeException(msg.Message ?? "exec failed");
                case "console":
                    ConsoleMaster = ConsoleHandoff.Receive(socket, consoleSocket);
                    break;
                case "seccomp-fd":
                    SeccompListener.Forward(socket.Fd, profile, pid, state,
                        error => InitProcess.Send(socket, new InitMessage { Type = error is null ? "seccomp-done" : "error", Message = error }));
                    break;
                default:
                    throw new RuntimeException($"exec init: unexpected message \"{msg.Type}\"");
            }
        }
    }

    /// <summary>Every namespace the container has, by the init's /proc/PID/ns links.</summary>
    private static NamespacePlan JoinPlan(ContainerRecord record)
    {
        var joins = new List<(NamespaceKind, string)>();
        foreach (var (type, path) in record.NamespacePaths ?? [])
            if (NamespacePlanner.TryParseKind(type, out var kind))
                joins.Add((kind, path));
        return new NamespacePlan { Joins = joins };
    }

    /// <summary>The container's cgroup, or with --cgroup one of its sub-cgroups, which must exist.</summary>
    private static ICgroupManager? Cgroup(Container container, string? sub)
    {
        if (string.IsNullOrEmpty(sub))
            return container.Cgroup;
        if (container.Record.CgroupsPath is null)
            throw new RuntimeException("--cgroup: the container has no cgroup");
        // "controller:path" (cgroup v1) names one hierarchy; the path is
        // created the same way in every hierarchy, so the sub-path decides.
        int colon = sub.IndexOf(':');
        var rel = (colon >= 0 ? sub.Substring(colon + 1) : sub).Trim('/');
        if (rel.Length == 0 || rel.Split('/').AsSpan().Contains(".."))
            throw new RuntimeException($"--cgroup {sub}: invalid sub-cgroup path");
        // A systemd container's cgroupsPath is "slice:prefix:name": its directory is the unit's.
        var parent = container.Record.SystemdCgroup
            ? Linux.Cgroups.Systemd.SystemdCgroupPath.Parse(container.Record.CgroupsPath).CgroupDirectory
            : container.Record.CgroupsPath;
        var cg = CgroupManager.Open(parent.TrimEnd('/') + "/" + rel);
        foreach (var dir in cg.Paths.Values)
            if (!Directory.Exists(dir))
                throw new RuntimeException($"--cgroup {sub}: cgroup `{dir}` does not exist");
        return cg;
    }
}
