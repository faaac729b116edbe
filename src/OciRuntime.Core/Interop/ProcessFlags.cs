namespace OciRuntime.Core.Interop;

/// <summary>Constants for prctl, capget/capset and rlimits (linux/prctl.h, linux/capability.h).</summary>
internal static class ProcessFlags
{
    internal const int PR_SET_KEEPCAPS = 8;
    internal const int PR_CAPBSET_READ = 23;
    internal const int PR_CAPBSET_DROP = 24;
    internal const int PR_SET_NO_NEW_PRIVS = 38;
    internal const int PR_GET_NO_NEW_PRIVS = 39;
    internal const int PR_CAP_AMBIENT = 47;
    internal const int PR_CAP_AMBIENT_IS_SET = 1;
    internal const int PR_CAP_AMBIENT_RAISE = 2;
    internal const int PR_CAP_AMBIENT_CLEAR_ALL = 4;

    internal const uint LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    internal const int EPERM = 1;
    internal const int EACCES = 13;
    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;
    internal const int ENOSYS = 38;
    internal const int ELOOP = 40;
    internal const int ENAMETOOLONG = 36;

    internal const int F_OK = 0;
    internal const int X_OK = 1;
    internal const int AT_EACCESS = 0x200;
}
