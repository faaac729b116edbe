using System;
using System.IO;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Derives a container's status from the kernel, never from what was written
/// down: the recorded pid must be alive AND have the recorded start time (a
/// recycled pid has another), then the exec FIFO tells created from running
/// and the freezer tells paused.
/// </summary>
public sealed class StatusDeriver
{
    private readonly Func<int, string?> _readProcStat;
    private readonly Func<string, bool> _pathExists;

    /// <param name="readProcStat">Contents of /proc/PID/stat, or null when the process does not exist.</param>
    /// <param name="pathExists">Whether a path (the exec FIFO) exists.</param>
    public StatusDeriver(Func<int, string?> readProcStat, Func<string, bool> pathExists)
    {
        _readProcStat = readProcStat;
        _pathExists = pathExists;
    }

    /// <summary>The deriver over the real /proc and filesystem.</summary>
    public static StatusDeriver Host { get; } = new(ReadHostProcStat, Path.Exists);

    public ContainerStatus Derive(ContainerRecord record, string execFifoPath, Func<bool> isFrozen)
    {
        if (!IsInitAlive(record))
            return ContainerStatus.Stopped;
        // A create that died half-way left an init that never reported ready.
        if (record.Creating)
            return ContainerStatus.Creating;
        // start removes the FIFO once the init has got past it, so while it
        // exists the user process has not been executed yet.
        if (_pathExists(execFifoPath))
            return ContainerStatus.Created;
        return isFrozen() ? ContainerStatus.Paused : ContainerStatus.Running;
    }

    /// <summary>The recorded init still exists, is the same process (start time), and has not exited (zombie).</summary>
    public bool IsInitAlive(ContainerRecord record)
    {
        if (record.InitPid <= 0)
            return false;
        var text = _readProcStat(record.InitPid);
        if (text == null)
            return false;
        var stat = ProcStat.Parse(text);
        return stat is { } s && !s.HasExited && s.StartTime == record.InitStartTime;
    }

    /// <summary>Start time (field 22) of a live process, for the record written at create.</summary>
    public ulong? StartTimeOf(int pid)
    {
        var text = _readProcStat(pid);
        return text == null ? null : ProcStat.Parse(text)?.StartTime;
    }

    private static string? ReadHostProcStat(int pid) => SmallFile.TryReadText($"/proc/{pid}/stat");
}
