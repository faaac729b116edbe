using System;
using Microsoft.Extensions.Logging;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `delete`: removes a stopped (or created, or with --force any) container
/// and everything it owns: processes, cgroup, state directory; then runs the
/// poststop hooks.
/// </summary>
public sealed class DeleteOperation
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);
    private readonly StateStore _store;
    private readonly ILogger? _log;

    public DeleteOperation(string stateRoot, ILogger? log)
    {
        _store = new StateStore(stateRoot);
        _log = log;
    }

    public void Run(string id, bool force)
    {
        ContainerId.Validate(id);
        if (force && !_store.Exists(id))
            return; // runc: deleting an unknown container with --force succeeds quietly
        using var lck = LockUnlessGone(id, force);
        if (lck is null)
            return;
        var container = Container.Load(_store, id);
        var status = container.Status();
        Transitions.Ensure(force ? ContainerOperation.DeleteForce : ContainerOperation.Delete, status, id);
        FaultInjection.Point("delete:before-kill");

        // A frozen task cannot act on SIGKILL until thawed (freezer-subsystem.rst).
        if (status == ContainerStatus.Paused && container.Cgroup is { } frozen)
        {
            foreach (var pid in frozen.Pids())
                ProcessControl.Kill(pid, 9);
            frozen.SetFrozen(false);
        }
        if (status != ContainerStatus.Stopped)
            KillInit(container);
        FaultInjection.Point("delete:after-kill");
        // Without a pid namespace the init's death does not take its children
        // along: kill whatever is left in the cgroup.
        if (container.Cgroup is { } cgroup)
        {
            for (int round = 0; round < 3; round++)
            {
                var pids = cgroup.Pids();
                if (pids.Count == 0)
                    break;
                if (cgroup.IsFrozen())
                    throw new RuntimeException($"cannot delete container {id}: its cgroup is frozen (resume it first)");
                foreach (var pid in pids)
                    ProcessControl.Kill(pid, 9);
                foreach (var pid in pids)
                    ProcessControl.WaitGone(pid, KillTimeout);
            }
            cgroup.Destroy();
        }
        FaultInjection.Point("delete:after-cgroup");
        var hookState = container.HookState(ContainerStatus.Stopped);
        _store.Remove(id);
        FaultInjection.Point("delete:after-remove");
        // config.md: a failing poststop hook is logged as a warning; delete still succeeds.
        try
        {
            HookRunner.Run("poststop", container.Record.Hooks?.Poststop, hookState);
        }
        catch (RuntimeException e)
        {
            _log?.LogWarning("{Message}", e.Message);
            Console.Error.WriteLine(e.Message);
        }
    }

    /// <summary>
    /// With --force, a container that a concurrent delete removed while this
    /// one waited for the lock is gone, as asked: success, like runc's quiet
    /// --force on an unknown id.
    /// </summary>
    private ContainerLock? LockUnlessGone(string id, bool force)
    {
        try
        {
            return _store.Lock(id, LockMode.Exclusive);
        }
        catch (RuntimeException) when (force && !_store.Exists(id))
        {
            return null;
        }
    }

    private static void KillInit(Container container)
    {
        int pid = container.Record.InitPid;
        if (ProcessControl.Kill(pid, 9) && !ProcessControl.WaitGone(pid, KillTimeout))
            throw new RuntimeException($"delete `{container.Id}`: init process {pid} did not exit {KillTimeout.TotalSeconds}s after SIGKILL");
    }
}
