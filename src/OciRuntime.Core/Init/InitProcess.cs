using System;
using System.IO;
using System.Text;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Init;

/// <summary>
/// The container init after the C bootstrap: it is already inside its
/// namespaces; it joins the container's cgroup only after its own startup
/// (moving itself through v1 `tasks` files, or asking the runtime for the
/// cgroup.procs write), so that startup is not charged to the container
/// (see InitSequence.JoinCgroup). Runs the in-container sequence of
/// DESIGN.md top to bottom, reports "ready", waits on the exec FIFO for
/// `start`, then replaces itself with the user process.
/// </summary>
public static class InitProcess
{
    public static int Run()
    {
        var env = Environment.GetEnvironmentVariable(InitLauncher.SyncEnv);
        if (env is null || !int.TryParse(env, out int fd) || fd < 3)
        {
            Console.Error.WriteLine("init: this command is internal and runs only inside a container being created");
            return 1;
        }
        Environment.SetEnvironmentVariable(InitLauncher.SyncEnv, null);
        var socket = new SyncSocket(fd);
        InitRequest request;
        try
        {
            request = InitRequestCodec.Decode(socket.ReceiveLarge());
        }
        catch (Exception e)
        {
            Report(socket, e.Message);
            return 1;
        }

        if (request.Exec)
            return RunExec(request, socket);
        var sequence = new InitSequence(request, socket);
        bool ready = false;
        try
        {
            sequence.Prepare();
            ready = true;
            Send(socket, new InitMessage { Type = "ready", Message = sequence.Warnings.Count == 0 ? null : string.Join("; ", sequence.Warnings) });
            sequence.WaitForStartAndExec();
            return 1; // not reached: exec replaced the process
        }
        catch (Exception e)
        {
            if (!ready)
                Report(socket, e.Message);
            else
                WriteStderr(e.Message);
            return 1;
        }
    }

    private static int RunExec(InitRequest request, SyncSocket socket)
    {
        var sequence = new ExecSequence(request, socket);
        try
        {
            sequence.Prepare();
            Send(socket, new InitMessage { Type = "ready", Message = sequence.Warnings.Count == 0 ? null : string.Join("; ", sequence.Warnings) });
        }
        catch (Exception e)
        {
            Report(socket, e.Message);
            return 1;
        }
        try
        {
            sequence.Exec();
        }
        catch (Exception e)
        {
            WriteStderr(e.Message);
        }
        return 1;
    }

    internal static void Send(SyncSocket socket, InitMessage message) =>
        socket.Send(InitMessageCodec.Encode(message));

    /// <param name="peerGone">The error when the other side has closed the socket (it died).</param>
    internal static InitMessage Receive(SyncSocket socket, string peerGone = "runtime went away during create")
    {
        var bytes = socket.Receive() ?? throw new RuntimeException(peerGone);
        return InitMessageCodec.Decode(bytes);
    }

    /// <summary>
    /// After "ready" the runtime is gone and a seccomp filter may be on:
    /// Console would start a thread (clone3, often denied). One raw write(2).
    /// </summary>
    private static unsafe void WriteStderr(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        fixed (byte* p = bytes)
            Libc.Write(2, p, (nuint)bytes.Length);
    }

    private static void Report(SyncSocket socket, string message)
    {
        try
        {
            Send(socket, new InitMessage { Type = "error", Message = message });
        }
        catch (SyscallException)
        {
            WriteStderr(message);
        }
    }
}
