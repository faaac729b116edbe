using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Planning;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>
/// Applies a <see cref="RootfsPlan"/> in the container init, which already runs in
/// the container's mount namespace. Three phases around the createContainer hooks:
/// <see cref="PrepareRootfs"/> → hooks → <see cref="EnterRootfs"/> → <see cref="FinishRootfs"/>.
///
/// Every destination is opened inside the rootfs (<see cref="IMountSyscalls.OpenInRoot"/>)
/// and mounted on through /proc/self/fd/N, so the path the kernel mounts on is the
/// inode that was checked, not a string a symlink swapped in later could redirect
/// (CVE-2021-30465).
/// </summary>
public sealed class RootfsSetup
{
    readonly IMountSyscalls sys;
    IReadOnlyDictionary<string, SafeFileHandle>? idmapped;

    public RootfsSetup(IMountSyscalls sys) => this.sys = sys;

    /// <summary>A magic link the kernel resolves to the open file itself.</summary>
    internal static string FdPath(SafeFileHandle handle) => $"/proc/self/fd/{handle.DangerousGetHandle()}";

    /// <summary>Propagation, the rootfs bind onto itself, config mounts, /dev.</summary>
    /// <param name="idmapped">Detached id-mapped trees by step JSON path (see UserNamespaces.IdmappedMounts).</param>
    public void PrepareRootfs(RootfsPlan plan, IReadOnlyDictionary<string, SafeFileHandle>? idmapped = null)
    {
        this.idmapped = idmapped;
        if (!plan.MountNamespace)
            return;

        // Keep the container's mounts from propagating to the host, while still
        // receiving host mounts unless rootfsPropagation says otherwise (runc's default).
        sys.Mount(null, "/", null, plan.RootPropagation, null);

        string rootfs;
        using (var probe = sys.OpenHostPath(plan.RootfsPath))
            rootfs = sys.PathOf(probe);
        MakeParentPrivate(rootfs);

        // pivot_root(2) needs new_root to be a mount point; a bind onto itself makes it one.
        sys.Mount(rootfs, rootfs, "bind", MountFlags.Bind | MountFlags.Recursive, null);

        using var root = sys.OpenHostPath(rootfs);
        foreach (var step in plan.Mounts)
            ApplyStep(root, step, plan.UserNamespace);

        if (!plan.SetupDev)
            return;
        foreach (var device in plan.Devices)
            CreateDevice(root, device);
        foreach (var link in plan.DevSymlinks)
        {
            if (link.OnlyIfHostPathExists != null && !sys.HostPathExists(link.OnlyIfHostPathExists))
                continue;
            var (parent, name) = Split(link.Path);
            using var dir = sys.OpenInRoot(root, parent, MissingPath.CreateDirectory);
            sys.Symlink(dir, name, link.Target, link.ReplaceExisting);
        }
    }

    /// <summary>
    /// Creates a directory (and its parents) inside the rootfs, resolved
    /// there without following symlinks out of it. runc creates a missing
    /// process.cwd this way, before pivot_root.
    /// </summary>
    public void EnsureDirectory(RootfsPlan plan, string containerPath)
    {
        using var root = sys.OpenHostPath(plan.RootfsPath);
        using var dir = sys.OpenInRoot(root, containerPath, MissingPath.CreateDirectory);
    }

    /// <summary>
    /// pivot_root(2) "." "." : the old root ends up stacked on the new one, and
    /// detaching it leaves only the rootfs, without a put_old directory in the image.
    /// </summary>
    public void EnterRootfs(RootfsPlan plan)
    {
        if (!plan.MountNamespace)
        {
            sys.Chroot(plan.RootfsPath);
            sys.Chdir("/");
            return;
        }

        if (plan.NoPivot)
        {
            // --no-pivot (ramfs roots, where pivot_root is EINVAL): move the rootfs over
            // "/" and chroot into it. The host root stays reachable by chroot escapes,
            // which is why it is not the default.
            sys.Chdir(plan.RootfsPath);
            sys.Mount(plan.RootfsPath, "/", null, MountFlags.Move, null);
            sys.Chroot(".");
        }
        else
        {
            using var oldRoot = sys.OpenHostPath("/");
            using var newRoot = sys.OpenHostPath(plan.RootfsPath);
            sys.Fchdir(newRoot);
            sys.PivotRoot(".", ".");
            sys.Fchdir(oldRoot);
            // The old root may still be shared with the host: make it a slave first so
            // the detach below cannot propagate an unmount of the host's mounts.
            sys.Mount(null, ".", null, MountFlags.Slave | MountFlags.Recursive, null);
            sys.UnmountDetached(".");
        }
        sys.Chdir("/");

        // Applied to the new "/" only now: doing it before pivot_root would change
        // the propagation of the host mount the rootfs lives on.
        if (plan.RootfsPropagation is { } propagation)
            sys.Mount(null, "/", null, propagation, null);
    }

    /// <summary>Masked paths, read-only paths, then a read-only root, inside the new root.</summary>
    public void FinishRootfs(RootfsPlan plan) => FinishRootfs(plan, "/");

    /// <summary>Same, on a root given by path; tests run it on a rootfs before pivot_root.</summary>
    internal void FinishRootfs(RootfsPlan plan, string rootPath)
    {
        if (!plan.MountNamespace)
            return;
        using var root = sys.OpenHostPath(rootPath);

        SafeFileHandle? devNull = null;
        try
        {
            foreach (var path in plan.MaskedPaths)
            {
                using var target = OpenExisting(root, path);
                if (target == null)
                    continue;
                if (sys.Stat(target).IsDirectory)
                {
                    Mount("tmpfs", target, "tmpfs", MountFlags.ReadOnly, null, path, "linux.maskedPaths");
                    continue;
                }
                devNull ??= OpenNullDevice(root);
                Mount(FdPath(devNull), target, null, MountFlags.Bind, null, path, "linux.maskedPaths");
            }
        }
        finally
        {
            devNull?.Dispose();
        }

        foreach (var path in plan.ReadonlyPaths)
        {
            using (var target = OpenExisting(root, path))
            {
                if (target == null)
                    continue;
                Mount(FdPath(target), target, null, MountFlags.Bind | MountFlags.Recursive, null, path, "linux.readonlyPaths");
            }
            using var mounted = sys.OpenInRoot(root, path, MissingPath.Fail);
            var flags = MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly | MountFlags.Recursive;
            Mount(null, mounted, null, KeepLockedFlags(flags, sys.MountFlagsOf(mounted)), null, path, "linux.readonlyPaths");
        }

        if (plan.ReadonlyRoot)
        {
            var flags = MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly;
            Wrap(() => sys.Mount(null, rootPath, null, KeepLockedFlags(flags, sys.MountFlagsOf(root)), null),
                "root.readonly: remount `/` read-only");
        }
    }

    void ApplyStep(SafeFileHandle root, MountStep step, bool userns)
    {
        switch (step.Kind)
        {
            case MountStepKind.Mount:
                ApplyMount(root, step, userns);
                break;
            case MountStepKind.Bind:
                ApplyBind(root, step, step.Source!, step.Flags, step.RemountFlags, userns);
                break;
            case MountStepKind.Remount:
            {
                using var target = sys.OpenInRoot(root, step.Destination, MissingPath.Fail);
                Mount(null, target, null, step.Flags, null, step.Destination, step.JsonPath);
                break;
            }
            case MountStepKind.Symlink:
            {
                var (parent, name) = Split(step.Destination);
                using var dir = sys.OpenInRoot(root, parent, MissingPath.CreateDirectory);
                sys.Symlink(dir, name, step.Source!, replace: false);
                break;
            }
        }
    }

    void ApplyMount(SafeFileHandle root, MountStep step, bool userns)
    {
        using (var target = sys.OpenInRoot(root, step.Destination, MissingPath.CreateDirectory))
        {
            try
            {
                sys.Mount(step.Source, FdPath(target), step.FsType, step.Flags, step.Data.Length == 0 ? null : step.Data);
            }
            catch (SyscallException e) when (step.FallbackBindSource != null
                && (e.Errno == MountConstants.EPERM || e.Errno == MountConstants.EBUSY))
            {
                // cgroup2 cannot be mounted from a user namespace that does not own a
                // cgroup namespace; runc binds the host's hierarchy instead.
                ApplyBind(root, step, step.FallbackBindSource, MountFlags.Bind | MountFlags.Recursive,
                    MountFlags.Bind | MountFlags.Remount | step.Flags, userns);
                return;
            }
            catch (SyscallException e)
            {
                throw Context(e, $"mount `{step.Source}` on `{step.Destination}`", step.JsonPath);
            }
        }
        AfterMount(root, step);
    }

    void ApplyBind(SafeFileHandle root, MountStep step, string source, MountFlags flags, MountFlags? remount, bool userns)
    {
        // The source is opened once and bound through its fd, so what is bound is what was stat'ed.
        using (var src = Wrap(() => sys.OpenHostPath(source), $"{step.JsonPath}: bind source"))
        {
            var missing = sys.Stat(src).IsDirectory ? MissingPath.CreateDirectory : MissingPath.CreateFile;
            using var target = sys.OpenInRoot(root, step.Destination, missing);
            if (step.IdMap is not null && idmapped is not null && idmapped.TryGetValue(step.JsonPath, out var tree))
                Wrap(() => sys.MoveMount(tree, target), $"{step.JsonPath}: move id-mapped `{source}` on `{step.Destination}`");
            else if (step.IdMap is not null)
                throw new RuntimeException($"{step.JsonPath}: the id-mapped tree of `{source}` was not prepared");
            else
                Wrap(() => sys.Mount(FdPath(src), FdPath(target), null, flags, null),
                    $"{step.JsonPath}: bind `{source}` on `{step.Destination}`");
        }
        if (remount is { } remountFlags)
        {
            using var mounted = sys.OpenInRoot(root, step.Destination, MissingPath.Fail);
            if (userns)
                remountFlags = KeepLockedFlags(remountFlags, sys.MountFlagsOf(mounted));
            Mount(null, mounted, null, remountFlags, null, step.Destination, step.JsonPath);
        }
        AfterMount(root, step);
    }

    /// <summary>Propagation and recursive attributes act on the new mount, so the destination is opened again.</summary>
    void AfterMount(SafeFileHandle root, MountStep step)
    {
        if (step.Propagation.Count == 0 && !step.HasRecursiveAttributes)
            return;
        using var mounted = sys.OpenInRoot(root, step.Destination, MissingPath.Fail);
        foreach (var propagation in step.Propagation)
            Mount(null, mounted, null, propagation, null, step.Destination, step.JsonPath);
        if (step.HasRecursiveAttributes)
            Wrap(() => sys.SetMountAttributes(mounted, recursive: true, step.AttrSet, step.AttrClear),
                $"{step.JsonPath}: mount_setattr `{step.Destination}`");
    }

    void CreateDevice(SafeFileHandle root, RootfsDevice device)
    {
        if (device.BindFromHost)
        {
            // mknod is EPERM in a user namespace; bind the host's node onto an empty file.
            using var src = Wrap(() => sys.OpenHostPath(device.Path), $"{device.JsonPath}: host device");
            using var target = sys.OpenInRoot(root, device.Path, MissingPath.CreateFile);
            Mount(FdPath(src), target, null, MountFlags.Bind, null, device.Path, device.JsonPath);
            return;
        }

        var (parent, name) = Split(device.Path);
        using var dir = sys.OpenInRoot(root, parent, MissingPath.CreateDirectory);
        ulong rdev = device.FileType == MountConstants.S_IFIFO ? 0 : NodeStatus.MakeDev(device.Major, device.Minor);
        using var node = sys.MakeNode(dir, name, device.FileType | device.Permissions, rdev);
        var status = sys.Stat(node);
        // config-linux.md "Devices": an existing file that is not the requested device is an error.
        if (status.FileType != device.FileType || (device.FileType != MountConstants.S_IFIFO && status.Rdev != rdev))
            throw new RuntimeException($"{device.JsonPath}: `{device.Path}` exists and is not the requested device");
        sys.Chmod(node, device.Permissions);
        sys.Chown(node, device.Uid, device.Gid);
    }

    /// <summary>
    /// The container's own /dev/null, checked to be the real char 1:3 before it is
    /// bound over masked files: an image or a previous container process could have
    /// replaced it (CVE-2025-31133, binding e.g. a writable procfs file instead).
    /// </summary>
    SafeFileHandle OpenNullDevice(SafeFileHandle root)
    {
        var handle = sys.OpenInRoot(root, "/dev/null", MissingPath.Fail);
        var status = sys.Stat(handle);
        if (status.FileType != MountConstants.S_IFCHR || status.Rdev != NodeStatus.MakeDev(1, 3))
        {
            handle.Dispose();
            throw new RuntimeException("linux.maskedPaths: /dev/null in the container is not the null device (char 1:3)");
        }
        return handle;
    }

    SafeFileHandle? OpenExisting(SafeFileHandle root, string path)
    {
        try
        {
            return sys.OpenInRoot(root, path, MissingPath.Fail);
        }
        catch (SyscallException e) when (e.Errno == Flags.ENOENT)
        {
            return null;
        }
    }

    void Mount(string? source, SafeFileHandle target, string? fsType, MountFlags flags, string? data, string destination, string jsonPath) =>
        Wrap(() => sys.Mount(source, FdPath(target), fsType, flags, data),
            $"{jsonPath}: mount `{source ?? "(remount)"}` on `{destination}`");

    /// <summary>
    /// In a user namespace, flags of a mount inherited from a more privileged one are
    /// locked (mount_namespaces(7)): a remount that would clear nosuid, nodev, noexec or
    /// the atime mode is EPERM. Keep them, and keep the atime mode unless one was asked for.
    /// </summary>
    internal static MountFlags KeepLockedFlags(MountFlags requested, MountFlags current)
    {
        var result = requested | (current & (MountFlags.NoSuid | MountFlags.NoDev | MountFlags.NoExec));
        const MountFlags atime = MountFlags.NoAtime | MountFlags.RelAtime | MountFlags.StrictAtime | MountFlags.NoDirAtime;
        if ((requested & atime) == 0)
            result |= current & atime;
        return result;
    }

    void MakeParentPrivate(string rootfs)
    {
        // pivot_root(2) is EINVAL when the parent mount of new_root is shared, which it
        // still is when rootfsPropagation asked for "shared".
        var parent = MountInfo.MountContaining(MountInfo.Parse(sys.ReadMountInfo()), rootfs);
        if (parent != null && parent.OptionalFields.Any(f => f.StartsWith("shared:", StringComparison.Ordinal)))
            sys.Mount(null, parent.MountPoint, null, MountFlags.Private, null);
    }

    static (string Parent, string Name) Split(string path)
    {
        int slash = path.LastIndexOf('/');
        return (slash <= 0 ? "/" : path[..slash], path[(slash + 1)..]);
    }

    static SyscallException Context(SyscallException e, string what, string jsonPath) => new($"{jsonPath}: {what}", e.Errno);

    static T Wrap<T>(Func<T> action, string what)
    {
        try { return action(); }
        catch (SyscallException e) { throw new SyscallException(what, e.Errno); }
    }

    static void Wrap(Action action, string what)
    {
        try { action(); }
        catch (SyscallException e) { throw new SyscallException(what, e.Errno); }
    }
}
