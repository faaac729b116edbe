using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Cgroups;

namespace OciRuntime.Core.Operations;

/// <summary>`pause` and `resume`: freeze or thaw every process of the container's cgroup.</summary>
public sealed class PauseOperation
{
    private readonly StateStore _store;

    public PauseOperation(string stateRoot) => _store = new StateStore(stateRoot);

    public void Run(string id, bool pause)
    {
        ContainerId.Validate(id);
        using var lck = _store.Lock(id, LockMode.Exclusive);
        var container = Container.Load(_store, id);
        Transitions.Ensure(pause ? ContainerOperation.Pause : ContainerOperation.Resume, container.Status(), id);
        CgroupOf(container).SetFrozen(pause);
    }

    internal static ICgroupManager CgroupOf(Container container) =>
        container.Cgroup ?? throw new RuntimeException($"container {container.Id} has no cgroup");
}
