using System;
using System.IO;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Capabilities;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Linux.Cgroups.Systemd;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Linux.Seccomp;
using OciRuntime.Core.Linux.UserNamespaces;
using OciRuntime.Core.Linux.Terminal;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `create`, parent side, in the order of DESIGN.md: validate → spawn the
/// bootstrap → plan and claim the id meanwhile → id maps → request → cgroup
/// (while the init starts) → cgroup placement (once the init has set up,
/// see WaitReady) → runtime hooks → wait for "ready" → write state. A failure at any step undoes the earlier
/// ones, so bad input leaves no state directory, cgroup, process or FIFO.
/// </summary>
public sealed class CreateOperation
{
    private readonly StateStore _store;
    private readonly ILogger? _log;

    public CreateOperation(string stateRoot, ILogger? log)
    {
        _store = new StateStore(stateRoot);
        _log = log;
    }

    /// <summary>With process.terminal and no --console-socket (foreground `run`): the pty master to relay; else -1.</summary>
    public int ConsoleMaster { get; private set; } = -1;

    public int Run(CreateOptions options)
    {
        ContainerId.Validate(options.Id);
        var bundle = Path.GetFullPath(options.Bundle);
        var loaded = BundleLoader.Read(bundle);
        var config = loaded.Config;
        ConsoleHandoff.CheckOptions(config.Process?.Terminal == true, options.ConsoleSocket, detached: !options.StayParent);
        var rootfs = BundleLoader.RootfsPath(config, bundle);

        // The bootstrap starts as soon as the config is known to be good: its
        // exec and namespace work overlap the planning and the claim below.
        // Whatever fails from here on ends it (PendingInit.Abort).
        var nsPlan = NamespacePlanner.Plan(config);
        bool unshareCgroupNs = nsPlan.Creates(NamespaceKind.Cgroup);
        // The init joins its cgroup late (see JoinCgroup), and then creates
        // its cgroup namespace itself: keep it out of the bootstrap's unshare.
        var bootstrapPlan = unshareCgroupNs ? nsPlan with { CloneFlags = nsPlan.CloneFlags & ~(int)NamespaceKind.Cgroup } : nsPlan;
        // Before the bootstrap forks the init and leaves it an orphan.
        if (options.StayParent)
            ChildSubreaper.Enable();
        InitLauncher.PendingInit? pending = InitLauncher.Start(bootstrapPlan, options.PreserveFds, options.NoNewKeyring ? null : "_ses." + options.Id, pause: false);
        IDisposable? lck = null;
        int initPid = -1;
        ICgroupManager? created = null;
        SyncSocket? socket = null;
        try
        {
            // Everything that can be refused before any resource exists.
            var rootfsPlan = MountPlanner.Plan(config, rootfs, new RootfsOptions { NoPivot = options.NoPivot, BundlePath = bundle });
            int lastCap = KernelCapabilities.ReadLastCap();
            var processPlan = ProcessPlanner.Plan(config.Process!, lastCap);
            foreach (var w in processPlan.Warnings)
                _log?.LogWarning("{Warning}", w);
            var cgroupsPath = string.IsNullOrEmpty(config.Linux?.CgroupsPath) ? CgroupDriver.DefaultPath(options.Id, options.SystemdCgroup) : config.Linux!.CgroupsPath!;
            var (cgroup, cgroupWarning) = RootlessCgroups.Choose(CgroupDriver.Open(cgroupsPath, options.Id, options.SystemdCgroup, started: false));
            if (cgroupWarning is not null)
                _log?.LogWarning("{Warning}", cgroupWarning);
            var cgroupSettings = cgroup.PlanResources(config.Linux?.Resources);
            var deviceRules = DeviceRulePlanner.Plan(config);
            var seccomp = config.Linux?.Seccomp is { } profile
                ? SeccompCompiler.Compile(SeccompPlanner.Plan(profile), name => _log?.LogDebug("seccomp: unknown syscall \"{Name}\" skipped", name))
                : null;

            lck = _store.Create(options.Id);
            FaultInjection.Point("create:after-claim");
            // The first record is written once there is a process to find
            // (after the spawn): until then the directory holds only the lock
            // and the FIFO, which `delete` removes as it stands.
            var fifo = _store.CreateExecFifo(options.Id);
            FaultInjection.Point("create:after-fifo");

            (initPid, socket) = pending.Complete(placeBootstrap: null);
            pending = null;
            FaultInjection.Point("create:after-spawn");
            _store.Save(ContainerRecord.Provisional(options.Id, config.OciVersion, bundle, rootfs, cgroupsPath, initPid) with { SystemdCgroup = options.SystemdCgroup });
            var selfJoin = cgroup.SelfJoinFiles;
            var request = new InitRequest
            {
                Config = config,
                Bundle = bundle,
                Rootfs = rootfs,
                NoPivot = options.NoPivot,
                NoNewKeyring = options.NoNewKeyring,
                PreserveFds = options.PreserveFds,
                Id = options.Id,
                LastCap = lastCap,
                Seccomp = seccomp,
                HookState = Container.HookState(config.OciVersion, options.Id, ContainerStatus.Creating, initPid, bundle, config.Annotations),
                CgroupMembership = HostCgroupProbe.MembershipAfterJoin(File.ReadAllText("/proc/self/cgroup"), File.ReadAllText("/proc/self/mountinfo"), cgroup.Paths),
                UnshareCgroupNamespace = unshareCgroupNs,
                CgroupSelfJoin = [.. selfJoin],
                CgroupRuntimeJoin = cgroup.JoinsBeyondSelfJoin,
            };
            socket.SendLarge(InitRequestCodec.Encode(request, loaded.Raw));
            IdmappedMounts.Send(socket, rootfsPlan, initPid);
            FaultInjection.Point("create:after-request");

            cgroup.Create();
            created = cgroup;
            cgroup.ApplyResources(cgroupSettings);
            FaultInjection.Point("create:after-cgroup");
            if (cgroup.ApplyDevices(deviceRules) == DeviceEnforcement.NotEnforced)
                _log?.LogWarning("device rules are not enforced: no devices cgroup controller, or no permission to attach a device filter");
            SendInitFiles(socket, fifo, selfJoin);

            // What the state record needs and does not depend on the init's
            // setup, while the init works.
            StoredConfig.Save(_store, options.Id, loaded.Raw);
            var startTime = StatusDeriver.Host.StartTimeOf(initPid) ?? 0;
            var owner = Owner.Current();
            var warnings = WaitReady(socket, request.HookState, config.Hooks, config.Linux?.Seccomp, initPid, options.ConsoleSocket, cgroup);
            if (warnings is not null)
                _log?.LogWarning("{Warnings}", warnings);

            FaultInjection.Point("create:after-ready");
            _store.Save(new ContainerRecord
            {
                OciVersion = config.OciVersion,
                Id = options.Id,
                InitPid = initPid,
                InitStartTime = startTime,
                Bundle = bundle,
                Rootfs = rootfs,
                Created = Rfc3339.Nano(DateTime.UtcNow),
                Owner = owner,
                Annotations = config.Annotations,
                CgroupsPath = cgroup is SkippedCgroup ? null : cgroupsPath,
                SystemdCgroup = options.SystemdCgroup,
                NamespacePaths = NamespacePaths(initPid, nsPlan),
                HasPidNamespace = nsPlan.Has(NamespaceKind.Pid),
                Hooks = config.Hooks,
            });
            FaultInjection.Point("create:after-state");
            if (options.PidFile is not null)
                PidFile.Write(options.PidFile, initPid);
            return initPid;
        }
        catch
        {
            pending?.Abort();
            if (ConsoleMaster >= 0)
            {
                Libc.Close(ConsoleMaster);
                ConsoleMaster = -1;
            }
            if (initPid > 0 && ProcessControl.Kill(initPid, 9))
                ProcessControl.WaitGone(initPid, TimeSpan.FromSeconds(5));
            if (created is not null)
                TryDestroy(created);
            if (lck is not null)
                _store.Remove(options.Id);
            throw;
        }
        finally
        {
            socket?.Dispose();
            lck?.Dispose();
        }
    }

    /// <summary>
    /// What the init cannot open itself, once it exists ("fds N"): the exec
    /// FIFO (O_PATH; in a user namespace the init's uid may not traverse the
    /// state directory), then the files it joins its cgroup through (the
    /// kernel checks the opener's credentials there).
    /// </summary>
    private static void SendInitFiles(SyncSocket socket, string fifo, System.Collections.Generic.IReadOnlyList<string> cgroupFiles)
    {
        int fifoFd = SyscallException.Check(Libc.Open(fifo, Flags.O_PATH | Flags.O_CLOEXEC, 0), $"open `{fifo}`");
        int[] fds = [fifoFd];
        try
        {
            fds = [fifoFd, .. SelfJoinFiles.Open(cgroupFiles)];
            try
            {
                FdChannel.Send(socket, "fds", fds);
            }
            catch (SyscallException)
            {
                // The init failed meanwhile and is gone: its reason is in the socket.
                var msg = InitProcess.Receive(socket, "container init exited before it was ready");
                if (msg.Type == "error")
                    throw new RuntimeException(msg.Message ?? "container init failed");
                throw;
            }
        }
        finally
        {
            foreach (var fd in fds)
                Libc.Close(fd);
        }
    }

    /// <returns>Warnings the init collected, if any.</returns>
    private string? WaitReady(SyncSocket socket, string hookState, Hooks? hooks, Spec.Seccomp? seccomp, int initPid, string? consoleSocket, ICgroupManager cgroup)
    {
        bool joined = false;
        void JoinCgroup()
        {
            // After the init's own start: pages it charged before the move stay
            // with the runtime's cgroup (v1 without
            // memory.move_charge_at_immigrate, v2 always), so its .NET start
            // and decoded request do not count against the container's limits.
            // The init moves itself through SelfJoinFiles; what is left (v2,
            // systemd, a hybrid host's unified hierarchy) is written here when
            // the init asks ("join", once started), and at the latest before the
            // runtime hooks (they see the init in its cgroup, as with runc) or
            // "ready" (the user process never runs outside it).
            if (joined || !cgroup.JoinsBeyondSelfJoin)
                return;
            joined = true;
            try
            {
                cgroup.AddProcess(initPid, exceptSelfJoined: true);
            }
            catch (SyscallException e)
            {
                throw new RuntimeException($"join the container's cgroup: {e.Message}");
            }
        }
        while (true)
        {
            var msg = InitProcess.Receive(socket, "container init exited before it was ready");
            switch (msg.Type)
            {
                case "ready":
                    JoinCgroup();
                    return msg.Message;
                case "join":
                    // Early, unconfirmed (see InitSequence.ReceiveFiles).
                    JoinCgroup();
                    break;
                case "cgroup":
                    // A new cgroup namespace is rooted where the init is when it unshares.
                    JoinCgroup();
                    InitProcess.Send(socket, new InitMessage { Type = "cgroup-done" });
                    break;
                case "error":
                    throw new RuntimeException(msg.Message ?? "container init failed");
                case "console":
                    ConsoleMaster = ConsoleHandoff.Receive(socket, consoleSocket);
                    break;
                case "hooks":
                    // config.md: prestart (deprecated) and createRuntime run in the
                    // runtime namespace after the mounts, before pivot_root.
                    try
                    {
                        JoinCgroup();
                        HookRunner.Run("prestart", hooks?.Prestart, hookState);
                        HookRunner.Run("createRuntime", hooks?.CreateRuntime, hookState);
                    }
                    catch (Exception e)
                    {
                        InitProcess.Send(socket, new InitMessage { Type = "error", Message = e.Message });
                        throw;
                    }
                    InitProcess.Send(socket, new InitMessage { Type = "hooks-done" });
                    break;
                case "seccomp-fd":
                    SeccompListener.Forward(socket.Fd, seccomp, initPid, hookState,
                        error => InitProcess.Send(socket, new InitMessage { Type = error is null ? "seccomp-done" : "error", Message = error }));
                    break;
                default:
                    throw new RuntimeException($"container init: unexpected message \"{msg.Type}\"");
            }
        }
    }

    private static System.Collections.Generic.Dictionary<string, string> NamespacePaths(int pid, NamespacePlan plan)
    {
        var paths = new System.Collections.Generic.Dictionary<string, string>();
        foreach (var (name, kind, file) in NamespaceFiles)
            if (plan.Has(kind))
                paths[name] = $"/proc/{pid}/ns/{file}";
        return paths;
    }

    private static readonly (string Name, NamespaceKind Kind, string File)[] NamespaceFiles =
    [
        ("user", NamespaceKind.User, "user"),
        ("pid", NamespaceKind.Pid, "pid"),
        ("uts", NamespaceKind.Uts, "uts"),
        ("ipc", NamespaceKind.Ipc, "ipc"),
        ("network", NamespaceKind.Network, "net"),
        ("cgroup", NamespaceKind.Cgroup, "cgroup"),
        ("mount", NamespaceKind.Mount, "mnt"),
        ("time", NamespaceKind.Time, "time"),
    ];

    internal static void TryDestroy(ICgroupManager cgroup)
    {
        foreach (var pid in cgroup.Pids())
            ProcessControl.Kill(pid, 9);
        cgroup.Destroy();
    }
}
