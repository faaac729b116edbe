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
    private const int Sigkill = 9;
    private const int FaultAppend = 0x400; // O_APPEND

    private static readonly string? Setting = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;
    private static int _traceFd = -1;

    /// <summary>"OCIRUNTIME_FAULT=…" for a child's minimal environment (the init), or null when unset.</summary>
    public static string? EnvironmentEntry => Setting is null ? null : $"{Variable}={Setting}";

    public static void Point(string step)
    {
        if (Setting is null)
            return;
        if (Setting.StartsWith(TracePrefix, StringComparison.Ordinal))
        {
            Trace(Setting[TracePrefix.Length..], step);
            return;
        }
        if (Setting != step)
            return;
        Libc.Kill(Libc.Getpid(), Sigkill);
        // A pid namespace's init ignores signals it has no handler for, its
        // own SIGKILL included: leave the same way, without any cleanup.
        Libc.Exit(128 + Sigkill);
    }

    private static unsafe void Trace(string file, string step)
    {
        // Opened at the first point and kept: the init's later points run
        // after pivot_root, where the file's path no longer resolves.
        if (_traceFd < 0)
            _traceFd = Libc.Open(file, Flags.O_WRONLY | FaultAppend | Flags.O_CREAT | Flags.O_CLOEXEC, 0x1a4);
        if (_traceFd < 0)
            return;
        var line = System.Text.Encoding.UTF8.GetBytes(step + "\n");
        fixed (byte* p = line)
            Libc.Write(_traceFd, p, (nuint)line.Length);
    }
}
