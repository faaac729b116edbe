namespace OciRuntime.Core.Init;

/// <summary>
/// A step of the protocol after the C bootstrap, as one JSON object per
/// message. Types: init→runtime "join" (write me into the container's
/// cgroup, no reply), "cgroup" (join me to the container's cgroup
/// now: a cgroup namespace follows), "hooks" (run prestart/createRuntime now),
/// "console", "seccomp-fd", "ready" (about to wait on the exec FIFO), "error"
/// (Message says why); runtime→init "cgroup-done", "hooks-done", "seccomp-done" or "error".
/// </summary>
public sealed record InitMessage
{
    public string Type { get; init; } = "";
    public string? Message { get; init; }
}
