using System;

namespace OciRuntime.Core.Lifecycle;

/// <summary>The lowercase strings runtime.md and runc use for each <see cref="ContainerStatus"/>.</summary>
public static class ContainerStatusText
{
    public static string ToText(this ContainerStatus status) => status switch
    {
        ContainerStatus.Creating => "creating",
        ContainerStatus.Created => "created",
        ContainerStatus.Running => "running",
        ContainerStatus.Paused => "paused",
        ContainerStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static ContainerStatus Parse(string text) => text switch
    {
        "creating" => ContainerStatus.Creating,
        "created" => ContainerStatus.Created,
        "running" => ContainerStatus.Running,
        "paused" => ContainerStatus.Paused,
        "stopped" => ContainerStatus.Stopped,
        _ => throw new FormatException($"unknown container status \"{text}\""),
    };
}
