using System;
using System.Threading;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `events`: the container's cgroup counters as runc's "stats" events,
/// once (--stats) or every interval, with an "oom" event whenever the OOM
/// killer struck in between. The stream ends when the container stops.
/// </summary>
public sealed class EventsOperation
{
    private readonly StateStore _store;

    public EventsOperation(string stateRoot) => _store = new StateStore(stateRoot);

    public void Run(string id, bool once, TimeSpan interval, Action<string> emit, CancellationToken cancel = default)
    {
        var (container, cgroup) = Open(id);
        if (once)
        {
            emit(Serialize(new ContainerEvent { Type = "stats", Id = id, Data = cgroup.Stats() }));
            return;
        }
        var ooms = cgroup.OomKills();
        while (true)
        {
            emit(Serialize(new ContainerEvent { Type = "stats", Id = id, Data = cgroup.Stats() }));
            var stop = cancel.WaitHandle.WaitOne(interval) || !StillRunning(id, container);
            // Checked once more on the way out: an OOM kill often ends the container.
            var now = cgroup.OomKills();
            if (now > ooms)
                emit(Serialize(new ContainerEvent { Type = "oom", Id = id }));
            ooms = now;
            if (stop)
                return;
        }
    }

    private bool StillRunning(string id, Container container)
    {
        try
        {
            using var lck = _store.Lock(id, LockMode.Shared);
            return container.Status() != ContainerStatus.Stopped;
        }
        catch (Linux.RuntimeException)
        {
            return false; // deleted meanwhile
        }
    }

    private (Container, Linux.Cgroups.ICgroupManager) Open(string id)
    {
        ContainerId.Validate(id);
        using var lck = _store.Lock(id, LockMode.Shared);
        var container = Container.Load(_store, id);
        Transitions.Ensure(ContainerOperation.Events, container.Status(), id);
        return (container, PauseOperation.CgroupOf(container));
    }

    private static string Serialize(ContainerEvent e) => EventsWriter.Write(e);
}
