namespace OciRuntime.Core.Lifecycle;

/// <summary>The lifecycle states of runtime.md ("State"); see <see cref="ContainerStatusText"/> for the strings.</summary>
public enum ContainerStatus
{
    Creating,
    Created,
    Running,
    Paused,
    Stopped,
}
