using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.Mounts;

/// <summary>
/// Fake syscalls: hands out fake fds labelled by what was opened ("host:/x",
/// "root:/x", "node:name") and records every call with /proc/self/fd/N shown as
/// the label, so tests read like "mount proc on [root:/proc]".
/// </summary>
internal sealed class RecordingMountSyscalls : IMountSyscalls
{
    public readonly List<string> Calls = [];
    public readonly Dictionary<string, NodeStatus> Status = [];
    public readonly Dictionary<string, MountFlags> FlagsOf = [];
    public readonly HashSet<string> MissingInRoot = [];
    public readonly HashSet<string> HostPaths = [];
    public readonly Dictionary<string, int> FailMount = [];
    public string MountInfoText = "";

    readonly Dictionary<int, string> labels = [];
    int nextFd = 1000;

    SafeFileHandle Handle(string label)
    {
        int fd = nextFd++;
        labels[fd] = label;
        return new SafeFileHandle(fd, ownsHandle: false);
    }

    string Label(SafeFileHandle h) => labels[(int)h.DangerousGetHandle()];

    string Show(string? path)
    {
        if (path == null)
            return "-";
        const string prefix = "/proc/self/fd/";
        return path.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(path[prefix.Length..], out int fd) && labels.TryGetValue(fd, out var l)
            ? $"[{l}]" : path;
    }

    public void Mount(string? source, string target, string? fsType, MountFlags flags, string? data)
    {
        string call = $"mount {Show(source)} {Show(target)} {fsType ?? "-"} {flags} {data ?? "-"}";
        Calls.Add(call);
        foreach (var (fragment, errno) in FailMount)
            if (call.Contains(fragment))
                throw new SyscallException("mount", errno);
    }

    public void UnmountDetached(string target) => Calls.Add($"umount-detach {Show(target)}");

    public void SetMountAttributes(SafeFileHandle mount, bool recursive, MountAttributes set, MountAttributes clear) =>
        Calls.Add($"mount_setattr [{Label(mount)}] recursive={recursive} set={set} clear={clear}");

    public MountFlags MountFlagsOf(SafeFileHandle mount) => FlagsOf.GetValueOrDefault(Label(mount));

    public string ReadMountInfo() => MountInfoText;

    public void MoveMount(SafeFileHandle detached, SafeFileHandle target) =>
        Calls.Add($"move_mount [{(labels.TryGetValue((int)detached.DangerousGetHandle(), out var l) ? l : "fd:" + detached.DangerousGetHandle())}] [{Label(target)}]");

    public SafeFileHandle OpenHostPath(string path) => Handle("host:" + path);

    public string PathOf(SafeFileHandle handle) => Label(handle).Split(':', 2)[1];

    public bool HostPathExists(string path) => HostPaths.Contains(path);

    public SafeFileHandle OpenInRoot(SafeFileHandle root, string path, MissingPath missing)
    {
        if (missing == MissingPath.Fail && MissingInRoot.Contains(path))
            throw new SyscallException($"open `{path}`", Flags.ENOENT);
        if (missing != MissingPath.Fail)
            Calls.Add($"open-in-root {path} {missing}");
        return Handle("root:" + path);
    }

    public NodeStatus Stat(SafeFileHandle handle) =>
        Status.TryGetValue(Label(handle), out var s) ? s : new NodeStatus(MountConstants.S_IFDIR | 0x1ED, 0);

    public SafeFileHandle MakeNode(SafeFileHandle directory, string name, uint mode, ulong device)
    {
        Calls.Add($"mknod [{Label(directory)}] {name} 0x{mode:x} {device}");
        string label = "node:" + name;
        if (!Status.ContainsKey(label))
            Status[label] = new NodeStatus(mode, device);
        return Handle(label);
    }

    public void Symlink(SafeFileHandle directory, string name, string target, bool replace) =>
        Calls.Add($"symlink [{Label(directory)}] {name} -> {target}{(replace ? " replace" : "")}");

    public void Chmod(SafeFileHandle node, uint mode) => Calls.Add($"chmod [{Label(node)}] 0{Convert.ToString(mode, 8)}");

    public void Chown(SafeFileHandle node, uint uid, uint gid) => Calls.Add($"chown [{Label(node)}] {uid}:{gid}");

    public void PivotRoot(string newRoot, string putOld) => Calls.Add($"pivot_root {newRoot} {putOld}");

    public void Chdir(string path) => Calls.Add($"chdir {path}");

    public void Fchdir(SafeFileHandle directory) => Calls.Add($"fchdir [{Label(directory)}]");

    public void Chroot(string path) => Calls.Add($"chroot {path}");

    public IEnumerable<string> Mounts => Calls.Where(c => c.StartsWith("mount ", StringComparison.Ordinal));
}
