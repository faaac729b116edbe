using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Pending;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Init;

/// <summary>
/// The in-container steps, in the order of DESIGN.md, as a flat list read
/// top to bottom. Everything that can fail because of the config happens
/// before "ready", so `create` reports it and leaves nothing behind.
/// </summary>
internal sealed class InitSequence
{
    private readonly InitRequest _request;
    private readonly SyncSocket _socket;
    private readonly ContainerConfig _config;
    private int _fifoFd = -1;
    private string _executable = "";

    public InitSequence(InitRequest request, SyncSocket socket)
    {
        _request = request;
        _socket = socket;
        _config = request.Config;
    }

    private IEnumerable<(string Name, Action Step)> PrepareSteps() =>
    [
        ("mount rootfs", MountRootfs),
        ("runtime hooks", RuntimeHooks),
        ("createContainer hooks", CreateContainerHooks),
        ("open exec fifo", OpenFifo),
        ("enter rootfs", EnterRootfs),
        ("masked and readonly paths", FinishRootfs),
        ("sysctl", Sysctl),
        ("hostname", Hostname),
        ("rlimits", Rlimits),
        ("user and groups", Identity),
        ("capabilities", Capabilities),
        ("no_new_privs", NoNewPrivileges),
        ("cwd", Cwd),
        ("find executable", FindExecutable),
    ];

    public void Prepare()
    {
        foreach (var (_, step) in PrepareSteps())
            step();
    }

    public void WaitForStartAndExec()
    {
        WaitExecFifo();
        StartContainerHooks();
        Exec();
    }

    private void MountRootfs()
    {
        // Placeholder until the mount layer lands: a private propagation so
        // nothing leaks back to the host.
        SyscallException.Check(PendingLibc.Mount(null, "/", null, 0x4000 | 0x40000, null), "mount `/` rslave");
    }

    private void RuntimeHooks()
    {
        // prestart and createRuntime run in the runtime's namespaces, by the parent.
        InitProcess.Send(_socket, new InitMessage { Type = "hooks" });
        var reply = InitProcess.Receive(_socket);
        if (reply.Type == "error")
            throw new RuntimeException(reply.Message ?? "runtime hooks failed");
    }

    private void CreateContainerHooks()
    {
    }

    private void OpenFifo()
    {
        if (_request.FifoPath.Length == 0)
            return;
        // O_PATH now, while the host path is still reachable; reopened for
        // writing through /proc/self/fd after pivot_root.
        _fifoFd = SyscallException.Check(Libc.Open(_request.FifoPath, Flags.O_PATH | Flags.O_CLOEXEC, 0), $"open `{_request.FifoPath}`");
    }

    private void EnterRootfs()
    {
        SyscallException.Check(PendingLibc.Chroot(_request.Rootfs), $"chroot `{_request.Rootfs}`");
        SyscallException.Check(PendingLibc.Chdir("/"), "chdir `/`");
    }

    private void FinishRootfs()
    {
    }

    private void Sysctl()
    {
    }

    private unsafe void Hostname()
    {
        if (string.IsNullOrEmpty(_config.Hostname))
            return;
        var b = System.Text.Encoding.UTF8.GetBytes(_config.Hostname);
        fixed (byte* p = b)
            SyscallException.Check(PendingLibc.Sethostname(p, (nuint)b.Length), $"sethostname `{_config.Hostname}`");
    }

    private void Rlimits()
    {
    }

    private void Identity()
    {
    }

    private void Capabilities()
    {
    }

    private void NoNewPrivileges()
    {
    }

    private void Cwd()
    {
        var cwd = _config.Process?.Cwd ?? "/";
        SyscallException.Check(PendingLibc.Chdir(cwd), $"chdir `{cwd}`");
    }

    private void FindExecutable()
    {
        _executable = _config.Process?.Args?[0] ?? throw new RuntimeException("config.json: process.args: empty");
    }

    private void WaitExecFifo()
    {
        if (_fifoFd < 0)
            return;
        // Blocks until `start` opens the FIFO for reading.
        string path = $"/proc/self/fd/{_fifoFd}";
        int w = SyscallException.Check(Libc.Open(path, Flags.O_WRONLY | Flags.O_CLOEXEC, 0), "open exec fifo");
        unsafe
        {
            byte zero = (byte)'0';
            SyscallException.Check((long)Libc.Write(w, &zero, 1), "write exec fifo");
        }
        Libc.Close(w);
        Libc.Close(_fifoFd);
        _fifoFd = -1;
    }

    private void StartContainerHooks()
    {
    }

    private unsafe void Exec()
    {
        var args = _config.Process!.Args!;
        var env = _config.Process.Env ?? [];
        // CVE-2024-21626: nothing but stdio and the preserved fds may cross
        // into the container, whatever the runtime or its caller left open.
        Libc.CloseRange((uint)(3 + _request.PreserveFds), uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC);
        nint path = Marshal.StringToCoTaskMemUTF8(_executable);
        nint* argv = stackalloc nint[args.Length + 1];
        for (int i = 0; i < args.Length; i++)
            argv[i] = Marshal.StringToCoTaskMemUTF8(args[i]);
        argv[args.Length] = 0;
        nint* envp = stackalloc nint[env.Length + 1];
        for (int i = 0; i < env.Length; i++)
            envp[i] = Marshal.StringToCoTaskMemUTF8(env[i]);
        envp[env.Length] = 0;
        PendingLibc.Execve(path, argv, envp);
        throw new SyscallException($"exec `{_executable}`", Libc.Errno);
    }
}
