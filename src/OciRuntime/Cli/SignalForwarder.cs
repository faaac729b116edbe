using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using OciRuntime.Core.Linux;

namespace OciRuntime.Cli;

/// <summary>`run` in the foreground passes the signals a terminal or an engine sends on to the container init.</summary>
internal sealed class SignalForwarder : IDisposable
{
    internal static readonly int[] Forwarded = [1, 2, 3, 10, 12, 15, 28]; // HUP INT QUIT USR1 USR2 TERM WINCH
    private readonly List<PosixSignalRegistration> _registrations = new();

    public static SignalForwarder Forward(int pid)
    {
        var f = new SignalForwarder();
        foreach (var sig in Forwarded)
        {
            int s = sig;
            f._registrations.Add(PosixSignalRegistration.Create((PosixSignal)s, ctx =>
            {
                ctx.Cancel = true;
                ProcessControl.Kill(pid, s);
            }));
        }
        return f;
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
    }
}
