namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// One row of the transition table: <see cref="Error"/> is null when the
/// operation is allowed, else the message; "{id}" in it stands for the container id.
/// </summary>
public sealed record Transition(ContainerOperation Operation, ContainerStatus Status, string? Error)
{
    public bool Allowed => Error == null;
}
