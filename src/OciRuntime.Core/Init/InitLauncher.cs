using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Init;

/// <summary>
/// Parent side of the process model (DESIGN.md): re-executes this binary as
/// `init` with the sync socket inherited, drives the C bootstrap through its
/// namespace steps, and returns the pid of the container init.
/// </summary>
public static class InitLauncher
{
    /// <summary>The environment variable the C bootstrap looks for.</summary>
    public const string SyncEnv = "_OCIRT_SYNC";

    /// <param name="placeBootstrap">Called with the bootstrap pid once its user
    /// namespace exists: the place to move it into the cgroup, so that the init
    /// and a new cgroup namespace start there (exec); null for `create`, which
    /// moves the init later so that its own start is not charged to the container.</param>
    /// <param name="keyring">Name of the session keyring the init joins; null to keep the caller's (--no-new-keyring).</param>
    /// <param name="cgroupFiles">Open v1 `tasks` files (ICgroupManager.SelfJoinFiles) the
    /// bootstrap, still single-threaded, moves itself into first thing; the caller closes them.</param>
    public static (int InitPid, SyncSocket Socket) Launch(NamespacePlan plan, int preserveFds, string? keyring, Action<int>? placeBootstrap, IReadOnlyList<int>? cgroupFiles = null)
    {
        var pending = Start(plan, preserveFds, keyring, pause: placeBootstrap is not null, cgroupFiles);
        try
        {
            return pending.Complete(placeBootstrap);
        }
        catch
        {
            pending.Abort();
            throw;
        }
    }

    /// <summary>
    /// Starts the bootstrap and hands it its namespace plan; it works through
    /// its steps (exec, namespaces, the fork of the init) while the caller
    /// goes on, until <see cref="PendingInit.Complete"/>. Without
    /// <paramref name="pause"/> and without a user namespace to map, the
    /// bootstrap needs nothing more from the runtime.
    /// </summary>
    /// <param name="pause">The caller has something to do once the user namespace exists (see Launch's placeBootstrap).</param>
    public static PendingInit Start(NamespacePlan plan, int preserveFds, string? keyring, bool pause, IReadOnlyList<int>? cgroupFiles = null)
    {
        var (parent, child) = SyncSocket.CreatePair();
        int bootstrapPid = -1;
        try
        {
            int target = SyncFd(preserveFds);
            // With a user namespace the init stays dumpable: run it from a sealed copy.
            using (var sealedCopy = plan.Has(NamespaceKind.User) ? SealedExecutable.CopyOfSelf() : null)
                bootstrapPid = Spawn(sealedCopy?.Path ?? "/proc/self/exe", child.Fd, target, cgroupFiles);
            child.Dispose();
            pause |= plan.Creates(NamespaceKind.User);
            var message = new System.Text.StringBuilder(NamespacePlanner.BootstrapMessage(plan, keyring));
            for (int i = 0; i < (cgroupFiles?.Count ?? 0); i++)
                message.Append(CultureInfo.InvariantCulture, $"cgroupfd {target + 1 + i}\n");
            if (!pause)
                message.Append("nowait\n");
            parent.Send(message.ToString());
            return new PendingInit(plan, parent, bootstrapPid, pause);
        }
        catch
        {
            child.Dispose();
            parent.Dispose();
            if (bootstrapPid > 0)
            {
                // The bootstrap never became an init: nothing of it may remain.
                KillAndReap(bootstrapPid);
            }
            throw;
        }
    }

    /// <summary>A bootstrap on its way to becoming the container init (see <see cref="Start"/>).</summary>
    public sealed class PendingInit
    {
        private readonly NamespacePlan _plan;
        private readonly SyncSocket _socket;
        private readonly bool _pause;
        private int _bootstrapPid;

        internal PendingInit(NamespacePlan plan, SyncSocket socket, int bootstrapPid, bool pause)
        {
            _plan = plan;
            _socket = socket;
            _bootstrapPid = bootstrapPid;
            _pause = pause;
        }

        /// <summary>Drives the bootstrap's remaining steps; returns the init's pid and the socket to it.</summary>
        public (int InitPid, SyncSocket Socket) Complete(Action<int>? placeBootstrap)
        {
            if (_pause)
            {
                Expect(_socket, "wait");
                if (_plan.Creates(NamespaceKind.User))
                    WriteIdMaps(_bootstrapPid, _plan);
                placeBootstrap?.Invoke(_bootstrapPid);
                _socket.Send("go\n");
            }
            int initPid = ExpectPid(_socket);
            Reap(_bootstrapPid);
            _bootstrapPid = -1;
            return (initPid, _socket);
        }

        /// <summary>
        /// Undoes <see cref="Start"/> when the caller fails before <see cref="Complete"/>:
        /// nothing of the bootstrap or of an init it forked may remain.
        /// </summary>
        public void Abort()
        {
            if (_bootstrapPid > 0 && !_pause)
            {
                // It forks the init without waiting for the runtime: let it
                // report, then end that init too.
                try
                {
                    int initPid = ExpectPid(_socket);
                    if (ProcessControl.Kill(initPid, 9))
                        ProcessControl.WaitGone(initPid, TimeSpan.FromSeconds(5));
                }
                catch (RuntimeException)
                {
                    // It failed or died before forking: there is no init.
                }
            }
            if (_bootstrapPid > 0)
            {
                KillAndReap(_bootstrapPid);
                _bootstrapPid = -1;
            }
            _socket.Dispose();
        }
    }

    /// <summary>Where the init finds the sync socket: right after the preserved fds.</summary>
    public static int SyncFd(int preserveFds) => 3 + preserveFds;

    /// <summary>The bootstrap's "pid N": the container init's pid.</summary>
    private static int ExpectPid(SyncSocket socket)
    {
        var reply = Expect(socket, "pid");
        if (!int.TryParse(reply.AsSpan(4).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
            throw new RuntimeException($"container init: unexpected message \"{reply}\" (wanted \"pid N\")");
        return pid;
    }

    private static string Expect(SyncSocket socket, string word)
    {
        var msg = socket.ReceiveString()?.TrimEnd('\n');
        if (msg is null)
            throw new RuntimeException("container init exited before it was set up");
        if (msg.StartsWith("error ", StringComparison.Ordinal))
            throw new RuntimeException(msg.Substring(6));
        if (!msg.StartsWith(word, StringComparison.Ordinal))
            throw new RuntimeException($"container init: unexpected message \"{msg}\" (wanted \"{word}\")");
        return msg;
    }

    // Root writes the maps itself; a non-root runtime goes through
    // newuidmap/newgidmap unless it maps only its own ids (rootless).
    private static void WriteIdMaps(int pid, NamespacePlan plan) =>
        Linux.UserNamespaces.IdMapWriter.Write(pid, plan.UidMappings, plan.GidMappings);

    /// <summary>
    /// Starts this binary as `init` with the sync socket at <paramref name="target"/>
    /// (and <paramref name="extra"/> right after it), default signal
    /// dispositions and a minimal environment.
    /// </summary>
    internal static int Spawn(string executable, int childFd, int target, IReadOnlyList<int>? extra = null)
    {
        int count = 1 + (extra?.Count ?? 0);
        // dup2(fd, fd) would keep FD_CLOEXEC set, and a source sitting on
        // another's target would be overwritten: move them all above the targets first.
        var dups = new (int From, int To)[count];
        for (int i = 0; i < count; i++)
            dups[i] = (-1, target + i);
        try
        {
            for (int i = 0; i < count; i++)
                dups[i].From = SyscallException.Check(Libc.Fcntl(i == 0 ? childFd : extra![i - 1], Libc.F_DUPFD_CLOEXEC, target + count), "dup descriptor for the init");
            // A minimal environment: the init's .NET runtime must not pick up
            // DOTNET_* settings or anything else of the caller's environment.
            var env = new List<string> { $"{SyncEnv}={target}" };
            if (Lifecycle.FaultInjection.EnvironmentEntry is { } fault)
                env.Add(fault);
            return ChildProcess.Spawn(executable, ["ociruntime", "init"], env, dups, "spawn `/proc/self/exe init`");
        }
        finally
        {
            foreach (var (from, _) in dups)
                if (from >= 0)
                    Libc.Close(from);
        }
    }

    private static void Reap(int pid)
    {
        while (Libc.Waitpid(pid, out _, 0) < 0 && Libc.Errno == Flags.EINTR)
        {
        }
    }

    private static void KillAndReap(int pid)
    {
        ProcessControl.Kill(pid, 9);
        Reap(pid);
    }
}
