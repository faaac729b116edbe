using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Mounts;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using static OciRuntime.Core.Interop.UserNsConstants;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// Idmapped bind mounts (config.md "idmap"/"ridmap", mounts[].uidMappings).
/// The runtime, still root in the host's user namespace, clones each source
/// as a detached tree (open_tree OPEN_TREE_CLONE), id-maps it with
/// mount_setattr(MOUNT_ATTR_IDMAP) and sends the fds to the init, which only
/// attaches them (move_mount). The init could not do the mapping itself:
/// the kernel asks for CAP_SYS_ADMIN in the user namespace that owns the
/// filesystem's superblock, i.e. the host's.
/// </summary>
public static class IdmappedMounts
{
    public static IReadOnlyList<MountStep> Steps(RootfsPlan plan) => plan.Mounts.Where(s => s.IdMap is not null).ToList();

    /// <summary>Runtime side, right after the init request: prepares and sends one tree per idmapped step.</summary>
    public static void Send(SyncSocket socket, RootfsPlan plan, int initPid)
    {
        var steps = Steps(plan);
        if (steps.Count == 0)
            return;
        if (Libc.GetEuid() != 0)
            throw new RuntimeException($"config.json: {steps[0].JsonPath}: id-mapped mounts need the runtime to run as root " +
                "(id-mapping a host filesystem needs CAP_SYS_ADMIN in the host's user namespace)");
        if (!IdmapSupport.Available)
            throw new RuntimeException($"config.json: {steps[0].JsonPath}: id-mapped mounts need Linux 5.12 or later (mount_setattr)");

        var trees = new List<SafeFileHandle>();
        var namespaces = new Dictionary<string, SafeFileHandle>(StringComparer.Ordinal);
        try
        {
            foreach (var step in steps)
            {
                var map = step.IdMap!;
                string key = map.UsesContainerMappings
                    ? "container"
                    : NamespacePlanner.IdMapText(map.UidMappings) + "|" + NamespacePlanner.IdMapText(map.GidMappings);
                if (!namespaces.TryGetValue(key, out var userns))
                {
                    userns = map.UsesContainerMappings
                        ? OpenContainerUserNamespace(initPid)
                        : HelperUserNamespace.Create(map.UidMappings, map.GidMappings);
                    namespaces[key] = userns;
                }
                trees.Add(Detach(step, userns));
            }
            var fds = trees.Select(t => (int)t.DangerousGetHandle()).ToArray();
            FdChannel.Send(socket, "mountfds", fds);
        }
        finally
        {
            foreach (var t in trees)
                t.Dispose();
            foreach (var n in namespaces.Values)
                n.Dispose();
        }
    }

    /// <summary>Init side, before the rootfs mounts: the trees by step JSON path.</summary>
    public static IReadOnlyDictionary<string, SafeFileHandle> Receive(SyncSocket socket, RootfsPlan plan)
    {
        var steps = Steps(plan);
        var result = new Dictionary<string, SafeFileHandle>(StringComparer.Ordinal);
        if (steps.Count == 0)
            return result;
        var fds = FdChannel.Receive(socket, "mountfds", steps.Count, "id-mapped mounts");
        for (int i = 0; i < steps.Count; i++)
            result[steps[i].JsonPath] = fds[i];
        return result;
    }

    static SafeFileHandle OpenContainerUserNamespace(int initPid)
    {
        string path = $"/proc/{initPid}/ns/user";
        int fd = SyscallException.Check(Libc.Open(path, Flags.O_RDONLY | Flags.O_CLOEXEC, 0), $"open `{path}`");
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    static unsafe SafeFileHandle Detach(MountStep step, SafeFileHandle userns)
    {
        string source = step.Source!;
        bool rbind = (step.Flags & MountFlags.Recursive) != 0;
        uint openFlags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (rbind ? (uint)MountConstants.AT_RECURSIVE : 0);
        long fd = Libc.OpenTree(SYS_open_tree, Flags.AT_FDCWD, source, openFlags);
        if (fd < 0)
            throw new SyscallException($"{step.JsonPath}: open_tree `{source}`", Libc.Errno);
        var tree = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        var attr = new MountAttr { AttrSet = (ulong)MountAttributes.IdMap, UsernsFd = (ulong)userns.DangerousGetHandle() };
        uint flags = (uint)(MountConstants.AT_EMPTY_PATH | (step.IdMap!.Recursive ? MountConstants.AT_RECURSIVE : 0));
        if (Libc.MountSetattr(MountConstants.SYS_mount_setattr, (int)fd, "", flags, &attr, (nuint)sizeof(MountAttr)) < 0)
        {
            int errno = Libc.Errno;
            tree.Dispose();
            if (errno == EINVAL)
                throw new RuntimeException($"config.json: {step.JsonPath}: the {FsTypeOf(source)} filesystem of `{source}` cannot be id-mapped " +
                    "(mount_setattr MOUNT_ATTR_IDMAP: Invalid argument)");
            throw new SyscallException($"{step.JsonPath}: mount_setattr MOUNT_ATTR_IDMAP `{source}`", errno);
        }
        return tree;
    }

    static string FsTypeOf(string path)
    {
        try
        {
            var entry = MountInfo.MountContaining(MountInfo.Parse(File.ReadAllText("/proc/self/mountinfo")), Path.GetFullPath(path));
            return entry?.FsType ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
