namespace OciRuntime.Core.Planning;

/// <summary>Linux namespace types with their CLONE_NEW* flag values (uapi sched.h).</summary>
public enum NamespaceKind
{
    Mount = 0x00020000,
    Uts = 0x04000000,
    Ipc = 0x08000000,
    User = 0x10000000,
    Pid = 0x20000000,
    Network = 0x40000000,
    Cgroup = 0x02000000,
    Time = 0x00000080,
}
