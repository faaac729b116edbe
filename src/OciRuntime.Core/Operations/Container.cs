using System.IO;
using System.Text.Json;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux.Cgroups;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>A container as recorded under --root, with its status derived from the kernel.</summary>
public sealed class Container
{
    private ICgroupManager? _cgroup;

    private Container(StateStore store, ContainerRecord record)
    {
        Store = store;
        Record = record;
    }

    public StateStore Store { get; }
    public ContainerRecord Record { get; }
    public string Id => Record.Id;

    public static Container Load(StateStore store, string id)
    {
        ContainerId.Validate(id);
        return new Container(store, store.Load(id));
    }

    public ICgroupManager? Cgroup =>
        _cgroup ??= Record.CgroupsPath is null ? null : CgroupManager.Open(Record.CgroupsPath);

    public ContainerStatus Status() =>
        StatusDeriver.Host.Derive(Record, Store.ExecFifoPath(Id), () => Cgroup?.IsFrozen() ?? false);

    public StateView View(ContainerStatus status) => new()
    {
        OciVersion = Record.OciVersion,
        Id = Id,
        Pid = status == ContainerStatus.Stopped ? 0 : Record.InitPid,
        Status = status.ToText(),
        Bundle = Record.Bundle,
        Rootfs = Record.Rootfs,
        Created = Record.Created,
        Owner = Record.Owner,
        Annotations = Record.Annotations,
    };

    /// <summary>The spec's state JSON (runtime.md "State"), as hooks receive it on stdin.</summary>
    public static string HookState(string ociVersion, string id, ContainerStatus status, int pid, string bundle, System.Collections.Generic.Dictionary<string, string>? annotations) =>
        JsonSerializer.Serialize(new State
        {
            OciVersion = ociVersion,
            Id = id,
            Status = status.ToText(),
            Pid = pid > 0 ? pid : null,
            Bundle = bundle,
            Annotations = annotations,
        }, SpecJson.Default.State);

    public string HookState(ContainerStatus status) =>
        HookState(Record.OciVersion, Id, status, status == ContainerStatus.Stopped ? 0 : Record.InitPid, Record.Bundle, Record.Annotations);

    public bool HasExecFifo => File.Exists(Store.ExecFifoPath(Id));
}
