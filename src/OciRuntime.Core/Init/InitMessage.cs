namespace OciRuntime.Core.Init;

/// <summary>
/// A step of the protocol after the C bootstrap, as one JSON object per
/// message. Types: init→runtime "hooks" (run prestart/createRuntime now),
/// "ready" (about to wait on the exec FIFO), "error" (Message says why);
/// runtime→init "hooks-done" or "error".
/// </summary>
public sealed record InitMessage
{
    public string Type { get; init; } = "";
    public string? Message { get; init; }
}
