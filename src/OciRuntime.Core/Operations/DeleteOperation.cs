using System;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Pending;

namespace OciRuntime.Core.Operations;

/// <summary>`delete`: removes a stopped (or, with force, any) container and everything it owns.</summary>
public sealed class DeleteOperation
{
    private readonly string _root;

    public DeleteOperation(string stateRoot) => _root = stateRoot;

    public void Run(string id, bool force)
    {
        var store = new PendingState(_root);
        var rec = store.Load(id);
        if (ProcessControl.IsAlive(rec.Pid))
        {
            if (!force && System.IO.File.Exists(System.IO.Path.Combine(store.Dir(id), "exec.fifo")) == false)
                throw new RuntimeException($"cannot delete container {id} that is not stopped: running");
            ProcessControl.Kill(rec.Pid, 9);
            if (!ProcessControl.WaitGone(rec.Pid, TimeSpan.FromSeconds(10)))
                throw new RuntimeException($"delete `{id}`: init process {rec.Pid} did not exit after SIGKILL");
        }
        store.Remove(id);
    }
}
