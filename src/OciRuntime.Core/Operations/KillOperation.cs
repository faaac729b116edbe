using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Operations;

/// <summary>`kill`: a signal to the init, or with --all to every process of the container's cgroup.</summary>
public sealed class KillOperation
{
    private readonly StateStore _store;

    public KillOperation(string stateRoot) => _store = new StateStore(stateRoot);

    public void Run(string id, int signal, bool all)
    {
        ContainerId.Validate(id);
        using var lck = _store.Lock(id, LockMode.Shared);
        var container = Container.Load(_store, id);
        var status = container.Status();
        Transitions.Ensure(all ? ContainerOperation.KillAll : ContainerOperation.Kill, status, id);
        FaultInjection.Point("kill:before-signal");
        if (status == ContainerStatus.Stopped)
            return;
        if (all && container.Cgroup is { } cgroup)
        {
            // cgroup.kill reaches tasks that fork while a pid loop walks the list.
            if (signal == 9 && cgroup.KillAll())
                return;
            foreach (var pid in cgroup.Pids())
                ProcessControl.Kill(pid, signal);
            return;
        }
        if (!ProcessControl.Kill(container.Record.InitPid, signal))
            throw new RuntimeException("container not running");
    }
}
