namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// The kernel attributes of the user process beyond credentials and limits:
/// linux.personality, process.ioPriority, process.scheduler and
/// process.execCPUAffinity, as raw values. Null means "leave it alone".
/// </summary>
public sealed record ProcessAttributesPlan
{
    /// <summary>personality(2) persona.</summary>
    public uint? Personality { get; init; }

    /// <summary>ioprio_set(2) value: class &lt;&lt; 13 | level.</summary>
    public int? IoPriority { get; init; }

    public SchedulerAttributes? Scheduler { get; init; }

    /// <summary>CPU mask for a process joining the container, before it moves into the container's cgroup.</summary>
    public ulong[]? ExecCpuAffinityInitial { get; init; }

    /// <summary>CPU mask for a process joining the container, once it is in the container's cgroup.</summary>
    public ulong[]? ExecCpuAffinityFinal { get; init; }
}
