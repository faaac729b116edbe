namespace OciRuntime.Core.Interop;

/// <summary>Constants from the Linux x86_64 uapi headers, shared by the imports.</summary>
internal static class Flags
{
    internal const int O_RDONLY = 0x0;
    internal const int O_WRONLY = 0x1;
    internal const int O_RDWR = 0x2;
    internal const int O_CREAT = 0x40;
    internal const int O_EXCL = 0x80;
    internal const int O_NOCTTY = 0x100;
    internal const int O_TRUNC = 0x200;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_DIRECTORY = 0x10000;
    internal const int O_NOFOLLOW = 0x20000;
    internal const int O_CLOEXEC = 0x80000;
    internal const int O_PATH = 0x200000;
    internal const int AT_FDCWD = -100;

    internal const int EINTR = 4;
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EAGAIN = 11;
    internal const int EEXIST = 17;
    internal const int EINVAL = 22;
}
