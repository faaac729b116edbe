using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Text;
using OciRuntime.Core.Linux;
using Hook = OciRuntime.Core.Spec.Hook;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Runs the hooks of one phase in order (config.md "POSIX-platform Hooks"):
/// the state JSON on stdin, exactly the hook's env (none when absent, never
/// the runtime's own), and a kill after "timeout" seconds. The first failure
/// stops the phase.
/// </summary>
/// <remarks>
/// Hooks run through <see cref="ChildProcess"/> on the calling thread: the
/// createContainer and startContainer hooks run in the container init, which
/// must not start threads.
/// </remarks>
[SupportedOSPlatform("linux")]
public static class HookRunner
{
    // A hook may leave a daemon holding its stdout/stderr open; once the hook
    // itself has exited we wait this long for its output, then stop reading.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the hooks; like runc, their output only shows in the error of a failing hook.</summary>
    public static void Run(string phase, IReadOnlyList<Hook>? hooks, string stateJson) =>
        Run(phase, hooks, stateJson, null);

    /// <summary>Runs the hooks, copying what each hook printed to <paramref name="output"/> (null drops it).</summary>
    public static void Run(string phase, IReadOnlyList<Hook>? hooks, string stateJson, TextWriter? output)
    {
        if (hooks == null)
            return;
        for (var i = 0; i < hooks.Count; i++)
            RunOne(phase, i, hooks[i], stateJson, output);
    }

    private static void RunOne(string phase, int index, Hook hook, string stateJson, TextWriter? output)
    {
        var what = $"{phase} hook #{index} `{hook.Path}`";
        // config.md: args has the same semantics as execv's argv, argv[0] included.
        IReadOnlyList<string> argv = hook.Args is { Length: > 0 } args ? args : [hook.Path];
        var timeout = hook.Timeout is > 0 ? TimeSpan.FromSeconds(hook.Timeout.Value) : (TimeSpan?)null;
        ChildProcess.Result result;
        try
        {
            // The state reaches the hook as bare JSON, no byte-order mark; the
            // environment is exactly the hook's (none when absent).
            result = ChildProcess.Run(hook.Path, argv, hook.Env ?? [], Encoding.UTF8.GetBytes(stateJson), timeout, OutputGrace);
        }
        catch (SyscallException e)
        {
            throw new RuntimeException($"{what}: {e.Message}", e);
        }
        if (output != null)
        {
            output.Write(result.Stdout);
            output.Write(result.Stderr);
            output.Flush();
        }

        if (result.TimedOut)
            throw new RuntimeException($"{what}: timed out after {hook.Timeout}s");
        if (result.ExitCode != 0)
        {
            var detail = OneLine(result.Stderr);
            throw new RuntimeException(detail.Length == 0
                ? $"{what}: exit status {result.ExitCode}"
                : $"{what}: exit status {result.ExitCode}: {detail}");
        }
    }

    private static string OneLine(string text) =>
        string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
