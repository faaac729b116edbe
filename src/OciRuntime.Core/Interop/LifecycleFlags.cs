namespace OciRuntime.Core.Interop;

/// <summary>uapi constants used by the state store and the log writer (x86_64).</summary>
internal static class LifecycleFlags
{
    internal const int O_APPEND = 0x400;

    internal const int LOCK_SH = 1;
    internal const int LOCK_EX = 2;
    internal const int LOCK_UN = 8;

    internal const uint S_IFMT = 0xF000;
    internal const uint S_IFIFO = 0x1000;

    internal const int ENAMETOOLONG = 36;
}
