using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `update`: writes new linux.resources values into a live container's
/// cgroup. Only the fields given change; devices are not updated (runc
/// neither), so a running container cannot grant itself device access.
/// </summary>
public sealed class UpdateOperation
{
    private readonly StateStore _store;

    public UpdateOperation(string stateRoot) => _store = new StateStore(stateRoot);

    public void Run(string id, LinuxResources resources)
    {
        ContainerId.Validate(id);
        using var lck = _store.Lock(id, LockMode.Exclusive);
        var container = Container.Load(_store, id);
        Transitions.Ensure(ContainerOperation.Update, container.Status(), id);
        var cgroup = PauseOperation.CgroupOf(container);
        var settings = cgroup.PlanResources(resources with { Devices = null }, "update");
        if (resources.Memory is { CheckBeforeUpdate: true, Limit: > 0 } memory)
        {
            // config-linux.md: checkBeforeUpdate refuses a limit below current usage
            // instead of letting the kernel reclaim or OOM-kill to reach it.
            var usage = cgroup.Stats().Memory.Usage.Usage;
            if (usage > (ulong)memory.Limit.Value)
                throw new RuntimeException($"update: linux.resources.memory.limit: {memory.Limit} is below the current usage {usage} (checkBeforeUpdate)");
        }
        cgroup.ApplyResources(settings);
    }
}
