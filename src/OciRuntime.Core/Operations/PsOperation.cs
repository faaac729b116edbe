using System.Collections.Generic;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Core.Operations;

/// <summary>`ps`: the host pids of every process in the container's cgroup.</summary>
public sealed class PsOperation
{
    private readonly StateStore _store;

    public PsOperation(string stateRoot) => _store = new StateStore(stateRoot);

    public IReadOnlyList<int> Run(string id)
    {
        ContainerId.Validate(id);
        using var lck = _store.Lock(id, LockMode.Shared);
        var container = Container.Load(_store, id);
        Transitions.Ensure(ContainerOperation.Ps, container.Status(), id);
        return container.Cgroup?.Pids() ?? [];
    }
}
