using System;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Test-only crash injection: with OCIRUNTIME_FAULT=&lt;step&gt; the process
/// dies by SIGKILL when it reaches the named point, as if the node had killed
/// it there; with OCIRUNTIME_FAULT=trace:&lt;file&gt; every point reached is
/// appended to the file, so tests learn the steps from the binary itself.
/// The variable is read once; unset, a point costs one null check.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "OCIRUNTIME_FAULT";
    private const string TracePrefix = "trace:";
    // The init's form of trace mode: the runtime's trace file, inherited at this fd.
    private const string TraceFdPrefix = "trace-fd:";
    private const int FaultDupFd = 0; // F_DUPFD: the copy stays open across the init's execve
    private const int InheritedFdFloor = 64;
    private const int Sigkill = 9;
    private const int FaultAppend = 0x400; // O_APPEND

    private static readonly string? Setting = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;
    private static int _traceFd = -1;

    /// <summary>
    /// "OCIRUNTIME_FAULT=…" for a child's minimal environment (the init), or
    /// null when unset. In trace mode the child gets the trace file as an
    /// inherited fd: an exec init has joined the container's mount namespace
    /// before its first point, where the file's path does not resolve.
    /// </summary>
    public static string? EnvironmentEntry
    {
        get
        {
            if (Setting is null)
                return null;
            if (Setting.StartsWith(TracePrefix, StringComparison.Ordinal) && TraceFd(Setting[TracePrefix.Length..]) is var fd and >= 0)
            {
                // Above the fds the launcher places in the child, so no dup2 overwrites it.
                int inherited = Libc.Fcntl(fd, FaultDupFd, InheritedFdFloor);
                if (inherited >= 0)
                    return $"{Variable}={TraceFdPrefix}{inherited}";
            }
            return $"{Variable}={Setting}";
        }
    }

    public static void Point(string step)
    {
        if (Setting is null)
            return;
        if (Setting.StartsWith(TracePrefix, StringComparison.Ordinal))
        {
            Trace(TraceFd(Setting[TracePrefix.Length..]), step);
            return;
        }
        if (Setting.StartsWith(TraceFdPrefix, StringComparison.Ordinal))
        {
            if (int.TryParse(Setting.AsSpan(TraceFdPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int fd))
                Trace(fd, step);
            return;
        }
        if (Setting != step)
            return;
        Libc.Kill(Libc.Getpid(), Sigkill);
        // A pid namespace's init ignores signals it has no handler for, its
        // own SIGKILL included: leave the same way, without any cleanup.
        Libc.Exit(128 + Sigkill);
    }

    private static int TraceFd(string file)
    {
        // Opened once and kept: the init's later points run after
        // pivot_root, where the file's path no longer resolves.
        if (_traceFd < 0)
            _traceFd = Libc.Open(file, Flags.O_WRONLY | FaultAppend | Flags.O_CREAT | Flags.O_CLOEXEC, 0x1a4);
        return _traceFd;
    }

    private static unsafe void Trace(int fd, string step)
    {
        if (fd < 0)
            return;
        var line = System.Text.Encoding.UTF8.GetBytes(step + "\n");
        fixed (byte* p = line)
            Libc.Write(fd, p, (nuint)line.Length);
    }
}
