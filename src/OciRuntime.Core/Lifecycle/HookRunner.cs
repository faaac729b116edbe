using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.Versioning;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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
/// The hook runs through <see cref="Process"/> (posix_spawn from native code;
/// forking managed code is unsafe), which cannot set argv[0] apart from the
/// executable: the hook sees argv[0] = path and argv[1..] = args[1..]. That
/// only differs from the spec when args[0] is not the path itself.
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
        var info = new ProcessStartInfo(hook.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            // The state must reach the hook as bare JSON: no byte-order mark.
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (hook.Args != null)
        {
            for (var a = 1; a < hook.Args.Length; a++)
                info.ArgumentList.Add(hook.Args[a]);
        }
        info.Environment.Clear();
        foreach (var entry in hook.Env ?? [])
        {
            var eq = entry.IndexOf('=');
            if (eq > 0)
                info.Environment[entry[..eq]] = entry[(eq + 1)..];
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new RuntimeException($"{what}: {e.Message}", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdin = Task.Run(() =>
        {
            // A hook that does not read its stdin may exit first: EPIPE is not its failure.
            try
            {
                process.StandardInput.Write(stateJson);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
            }
        });

        var timeout = hook.Timeout is > 0 ? TimeSpan.FromSeconds(hook.Timeout.Value) : Timeout.InfiniteTimeSpan;
        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the kill.
            }
            process.WaitForExit();
        }
        Task.WaitAll(new Task[] { stdout, stderr, stdin }, OutputGrace);
        var outText = stdout.IsCompletedSuccessfully ? stdout.Result : "";
        var errText = stderr.IsCompletedSuccessfully ? stderr.Result : "";
        if (output != null)
        {
            output.Write(outText);
            output.Write(errText);
            output.Flush();
        }

        if (!exited)
            throw new RuntimeException($"{what}: timed out after {hook.Timeout}s");
        if (process.ExitCode != 0)
        {
            var detail = OneLine(errText);
            throw new RuntimeException(detail.Length == 0
                ? $"{what}: exit status {process.ExitCode}"
                : $"{what}: exit status {process.ExitCode}: {detail}");
        }
    }

    private static string OneLine(string text) =>
        string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
