using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const int WNOHANG = 1;

    [LibraryImport(Name, EntryPoint = "waitpid", SetLastError = true)]
    internal static partial int Waitpid(int pid, out int status, int options);
}
