using System.Collections.Generic;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Which operation each status allows, and otherwise the exact text runc 1.1
/// prints (engines match on it, e.g. "container not running"). Checked at
/// runtime against runc 1.1.5 for created/running/paused/stopped; "creating"
/// (a create that has not finished) has no runc counterpart and refuses
/// everything that needs a live init.
/// </summary>
public static class Transitions
{
    private const string NotRunning = "container not running";
    private const string NotPaused = "container not paused";
    private const string EventsNotRunning = "container with id {id} is not running";

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(ContainerOperation.Start, ContainerStatus.Creating, "cannot start a container in the creating state"),
        new(ContainerOperation.Start, ContainerStatus.Created, null),
        new(ContainerOperation.Start, ContainerStatus.Running, "cannot start an already running container"),
        new(ContainerOperation.Start, ContainerStatus.Paused, "cannot start a container in the paused state"),
        new(ContainerOperation.Start, ContainerStatus.Stopped, "cannot start a container that has stopped"),

        new(ContainerOperation.Kill, ContainerStatus.Creating, NotRunning),
        new(ContainerOperation.Kill, ContainerStatus.Created, null),
        new(ContainerOperation.Kill, ContainerStatus.Running, null),
        new(ContainerOperation.Kill, ContainerStatus.Paused, null),
        new(ContainerOperation.Kill, ContainerStatus.Stopped, NotRunning),

        // --all signals whatever is left in the cgroup, so a stopped init is no error.
        new(ContainerOperation.KillAll, ContainerStatus.Creating, NotRunning),
        new(ContainerOperation.KillAll, ContainerStatus.Created, null),
        new(ContainerOperation.KillAll, ContainerStatus.Running, null),
        new(ContainerOperation.KillAll, ContainerStatus.Paused, null),
        new(ContainerOperation.KillAll, ContainerStatus.Stopped, null),

        // A created container has run no user code: delete kills its init, as runc does.
        new(ContainerOperation.Delete, ContainerStatus.Creating, "cannot delete container {id} that is not stopped: creating"),
        new(ContainerOperation.Delete, ContainerStatus.Created, null),
        new(ContainerOperation.Delete, ContainerStatus.Running, "cannot delete container {id} that is not stopped: running"),
        new(ContainerOperation.Delete, ContainerStatus.Paused, "cannot delete container {id} that is not stopped: paused"),
        new(ContainerOperation.Delete, ContainerStatus.Stopped, null),

        new(ContainerOperation.DeleteForce, ContainerStatus.Creating, null),
        new(ContainerOperation.DeleteForce, ContainerStatus.Created, null),
        new(ContainerOperation.DeleteForce, ContainerStatus.Running, null),
        new(ContainerOperation.DeleteForce, ContainerStatus.Paused, null),
        new(ContainerOperation.DeleteForce, ContainerStatus.Stopped, null),

        new(ContainerOperation.Pause, ContainerStatus.Creating, NotRunning),
        new(ContainerOperation.Pause, ContainerStatus.Created, null),
        new(ContainerOperation.Pause, ContainerStatus.Running, null),
        new(ContainerOperation.Pause, ContainerStatus.Paused, NotRunning),
        new(ContainerOperation.Pause, ContainerStatus.Stopped, NotRunning),

        new(ContainerOperation.Resume, ContainerStatus.Creating, NotPaused),
        new(ContainerOperation.Resume, ContainerStatus.Created, NotPaused),
        new(ContainerOperation.Resume, ContainerStatus.Running, NotPaused),
        new(ContainerOperation.Resume, ContainerStatus.Paused, null),
        new(ContainerOperation.Resume, ContainerStatus.Stopped, NotPaused),

        new(ContainerOperation.Exec, ContainerStatus.Creating, "cannot exec in a creating container"),
        new(ContainerOperation.Exec, ContainerStatus.Created, null),
        new(ContainerOperation.Exec, ContainerStatus.Running, null),
        new(ContainerOperation.Exec, ContainerStatus.Paused, "cannot exec in a paused container (use --ignore-paused to override)"),
        new(ContainerOperation.Exec, ContainerStatus.Stopped, "cannot exec in a stopped container"),

        new(ContainerOperation.Update, ContainerStatus.Creating, NotRunning),
        new(ContainerOperation.Update, ContainerStatus.Created, null),
        new(ContainerOperation.Update, ContainerStatus.Running, null),
        new(ContainerOperation.Update, ContainerStatus.Paused, null),
        new(ContainerOperation.Update, ContainerStatus.Stopped, NotRunning),

        // ps lists the cgroup's members; an empty cgroup just prints the header.
        new(ContainerOperation.Ps, ContainerStatus.Creating, null),
        new(ContainerOperation.Ps, ContainerStatus.Created, null),
        new(ContainerOperation.Ps, ContainerStatus.Running, null),
        new(ContainerOperation.Ps, ContainerStatus.Paused, null),
        new(ContainerOperation.Ps, ContainerStatus.Stopped, null),

        new(ContainerOperation.Events, ContainerStatus.Creating, EventsNotRunning),
        new(ContainerOperation.Events, ContainerStatus.Created, null),
        new(ContainerOperation.Events, ContainerStatus.Running, null),
        new(ContainerOperation.Events, ContainerStatus.Paused, null),
        new(ContainerOperation.Events, ContainerStatus.Stopped, EventsNotRunning),
    ];

    /// <summary>The error text for <paramref name="operation"/> on container <paramref name="id"/> in <paramref name="status"/>, or null when allowed.</summary>
    public static string? Check(ContainerOperation operation, ContainerStatus status, string id)
    {
        foreach (var row in Table)
        {
            if (row.Operation == operation && row.Status == status)
                return row.Error?.Replace("{id}", id);
        }
        return $"unknown transition {operation} from {status.ToText()}";
    }

    /// <summary>Throws a <see cref="RuntimeException"/> with runc's text when the operation is not allowed.</summary>
    public static void Ensure(ContainerOperation operation, ContainerStatus status, string id)
    {
        var error = Check(operation, status, id);
        if (error != null)
            throw new RuntimeException(error);
    }
}
