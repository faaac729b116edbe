using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// Whether this kernel has what idmapped mounts need (open_tree, move_mount,
/// mount_setattr with MOUNT_ATTR_IDMAP: Linux 5.12). `features` reports it as
/// linux.mountExtensions.idmap.enabled. Whether a given filesystem can be
/// id-mapped is only known when it is tried.
/// </summary>
public static class IdmapSupport
{
    static bool? _available;

    public static bool Available => _available ??= Probe();

    static unsafe bool Probe()
    {
        // An empty change is a no-op that returns 0 before the fd is looked
        // at; a kernel without the syscall answers ENOSYS.
        var attr = new MountAttr();
        long rc = Libc.MountSetattr(MountConstants.SYS_mount_setattr, -1, "", (uint)MountConstants.AT_EMPTY_PATH, &attr, (nuint)sizeof(MountAttr));
        return rc >= 0 || Libc.Errno != MountConstants.ENOSYS;
    }
}
