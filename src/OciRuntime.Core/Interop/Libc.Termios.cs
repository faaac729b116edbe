using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>Size reserved for glibc's struct termios (60 bytes on x86_64).</summary>
    internal const int TermiosSize = 64;

    [LibraryImport(Name, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Name, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static unsafe partial int TcSetAttr(int fd, int action, byte* termios);

    [LibraryImport(Name, EntryPoint = "cfmakeraw", SetLastError = true)]
    internal static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport(Name, EntryPoint = "isatty", SetLastError = true)]
    internal static partial int IsATty(int fd);
}
