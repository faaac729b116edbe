namespace OciRuntime.Core.Lifecycle;

/// <summary>Commands whose permission depends on the container's status (see <see cref="Transitions"/>).</summary>
public enum ContainerOperation
{
    Start,
    Kill,
    KillAll,
    Delete,
    DeleteForce,
    Pause,
    Resume,
    Exec,
    Update,
    Ps,
    Events,
}
