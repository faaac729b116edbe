using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Terminal;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`run`: create + start, and in the foreground wait and return the container's exit code.</summary>
internal static class RunCommand
{
    public static readonly Command Definition = new("run", "<container-id>", "create and run a container",
        [
            .. CreateCommand.Flags,
            new(["detach", "d"], false, "detach from the container's process"),
            new(["keep"], false, "do not delete the container after it exits"),
        ], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        SystemdCgroupDriver.Check(GlobalOptions.Current);
        bool detach = args.Bool("detach");
        if (!detach)
            ForegroundWait.Prepare(SignalForwarder.Forwarded);
        var options = CreateCommand.Options(args, stayParent: !detach);
        var root = GlobalOptions.Current.Root;
        var log = GlobalOptions.Current.Log;
        var create = new CreateOperation(root, log);
        int pid = create.Run(options);
        try
        {
            new StartOperation(root, log).Run(options.Id);
        }
        catch
        {
            new DeleteOperation(root, log).Run(options.Id, force: true);
            throw;
        }
        if (detach)
            return 0;
        // Without a terminal, the wait and the forwarding share the main
        // thread (no thread to start, none to wait for at exit).
        int code = create.ConsoleMaster < 0 && ForegroundWait.Run(pid, SignalForwarder.Forwarded) is { } c
            ? c
            : WaitWithThreads(pid, create.ConsoleMaster);
        if (!args.Bool("keep"))
            new DeleteOperation(root, log).Run(options.Id, force: true);
        return code;
    }

    private static int WaitWithThreads(int pid, int consoleMaster)
    {
        // The forwarding thread's handlers see only signals the threads let through.
        ForegroundWait.Release();
        using var relay = consoleMaster >= 0 ? TerminalRelay.Start(consoleMaster) : null;
        using (SignalForwarder.Forward(pid))
            return ProcessControl.WaitChild(pid);
    }
}
