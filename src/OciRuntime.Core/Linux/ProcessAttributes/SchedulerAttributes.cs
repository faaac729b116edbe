namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>process.scheduler as the kernel's struct sched_attr values (sched_setattr(2)).</summary>
public sealed record SchedulerAttributes(uint Policy, ulong Flags, int Nice, uint Priority, ulong Runtime, ulong Deadline, ulong Period);
