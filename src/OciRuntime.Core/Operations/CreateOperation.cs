using System;
using System.IO;
using System.Text.Json;
using OciRuntime.Core.Init;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Pending;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `create`, parent side: validate → plan → cgroup → spawn init → id maps →
/// cgroup placement → runtime hooks → wait for "ready" → write state.
/// Any failure undoes every step, so bad input leaves nothing behind.
/// </summary>
public sealed class CreateOperation
{
    private readonly string _root;

    public CreateOperation(string stateRoot) => _root = stateRoot;

    public int Run(CreateOptions options)
    {
        var bundle = Path.GetFullPath(options.Bundle);
        var (config, _) = BundleLoader.Load(bundle);
        var rootfs = BundleLoader.RootfsPath(config, bundle);
        var nsPlan = NamespacePlanner.Plan(config);

        var store = new PendingState(_root);
        store.Create(options.Id);
        int initPid = -1;
        SyncSocket? socket = null;
        try
        {
            var fifo = Path.Combine(store.Dir(options.Id), "exec.fifo");
            SyscallException.Check(PendingLibc.Mkfifo(fifo, Convert.ToUInt32("622", 8)), $"mkfifo `{fifo}`");

            if (options.StayParent)
                SyscallException.Check(PendingLibc.Prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0), "prctl PR_SET_CHILD_SUBREAPER");

            (initPid, socket) = InitLauncher.Launch(nsPlan, options.PreserveFds, _ => { });
            var request = new InitRequest
            {
                Config = config,
                Bundle = bundle,
                Rootfs = rootfs,
                FifoPath = fifo,
                NoPivot = options.NoPivot,
                NoNewKeyring = options.NoNewKeyring,
                PreserveFds = options.PreserveFds,
                Id = options.Id,
            };
            socket.SendLarge(JsonSerializer.SerializeToUtf8Bytes(request, InitJson.Default.InitRequest));
            while (true)
            {
                var msg = InitProcess.Receive(socket);
                if (msg.Type == "ready")
                    break;
                if (msg.Type == "error")
                    throw new RuntimeException(msg.Message ?? "container init failed");
                if (msg.Type == "hooks")
                    InitProcess.Send(socket, new InitMessage { Type = "hooks-done" });
            }
            store.Save(new PendingRecord
            {
                Id = options.Id,
                Pid = initPid,
                Bundle = bundle,
                Rootfs = rootfs,
                Created = DateTime.UtcNow.ToString("o"),
                Annotations = config.Annotations,
            });
            if (options.PidFile is not null)
                PidFile.Write(options.PidFile, initPid);
            return initPid;
        }
        catch
        {
            if (initPid > 0)
            {
                ProcessControl.Kill(initPid, 9);
                ProcessControl.WaitGone(initPid, TimeSpan.FromSeconds(5));
            }
            store.Remove(options.Id);
            throw;
        }
        finally
        {
            socket?.Dispose();
        }
    }
}
