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
    /// <param name="execFifo">O_PATH descriptor of the exec FIFO; the init gets it at <see cref="FifoFd"/>; -1 for exec.</param>
    public static (int InitPid, SyncSocket Socket) Launch(NamespacePlan plan, int preserveFds, string? keyring, int execFifo, Action<int>? placeBootstrap)
    {
        var (parent, child) = SyncSocket.CreatePair();
        int bootstrapPid = -1;
        try
        {
            int target = SyncFd(preserveFds);
            // With a user namespace the init stays dumpable: run it from a sealed copy.
            using (var sealedCopy = plan.Has(NamespaceKind.User) ? SealedExecutable.CopyOfSelf() : null)
                bootstrapPid = Spawn(sealedCopy?.Path ?? "/proc/self/exe", child.Fd, target, execFifo, FifoFd(preserveFds));
            child.Dispose();

            // Nothing to do between its steps (no id maps to write, nothing to
            // place): the bootstrap goes on without the wait/go round trip.
            bool pause = plan.Creates(NamespaceKind.User) || placeBootstrap is not null;
            parent.Send(NamespacePlanner.BootstrapMessage(plan, keyring) + (pause ? "" : "nowait\n"));
            if (pause)
            {
                Expect(parent, "wait");
                if (plan.Creates(NamespaceKind.User))
                    WriteIdMaps(bootstrapPid, plan);
                placeBootstrap?.Invoke(bootstrapPid);
                parent.Send("go\n");
            }
            var reply = Expect(parent, "pid");
            int initPid = int.Parse(reply.AsSpan(4).Trim(), CultureInfo.InvariantCulture);
            Reap(bootstrapPid);
            bootstrapPid = -1;
            return (initPid, parent);
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

    /// <summary>Where the init finds the sync socket: right after the preserved fds.</summary>
    public static int SyncFd(int preserveFds) => 3 + preserveFds;

    /// <summary>
    /// Where the init finds the exec FIFO. The runtime opens it: in a user
    /// namespace the init's uid may not traverse the state directory.
    /// </summary>
    public static int FifoFd(int preserveFds) => 4 + preserveFds;

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
    /// (and the exec FIFO at <paramref name="fifoTarget"/> unless <paramref name="fifoFd"/> is -1),
    /// default signal dispositions and a minimal environment.
    /// </summary>
    internal static int Spawn(string executable, int childFd, int target, int fifoFd, int fifoTarget)
    {
        // dup2(fd, fd) would keep FD_CLOEXEC set, and a source sitting on the
        // other's target would be overwritten: move both above the targets first.
        int fd = SyscallException.Check(Libc.Fcntl(childFd, Libc.F_DUPFD_CLOEXEC, fifoTarget + 1), "dup sync socket");
        // exec has no FIFO (fifoFd -1): nothing is placed at fifoTarget.
        int fifo = fifoFd < 0 ? -1 : SyscallException.Check(Libc.Fcntl(fifoFd, Libc.F_DUPFD_CLOEXEC, fifoTarget + 1), "dup exec fifo");
        try
        {
            // A minimal environment: the init's .NET runtime must not pick up
            // DOTNET_* settings or anything else of the caller's environment.
            var env = new List<string> { $"{SyncEnv}={target}" };
            if (Lifecycle.FaultInjection.EnvironmentEntry is { } fault)
                env.Add(fault);
            (int, int)[] dups = fifo < 0 ? [(fd, target)] : [(fd, target), (fifo, fifoTarget)];
            return ChildProcess.Spawn(executable, ["ociruntime", "init"], env, dups, "spawn `/proc/self/exe init`");
        }
        finally
        {
            Libc.Close(fd);
            if (fifo >= 0)
                Libc.Close(fifo);
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
