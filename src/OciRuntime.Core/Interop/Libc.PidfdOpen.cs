using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "pidfd_open", SetLastError = true)]
    internal static partial int PidfdOpen(int pid, uint flags);
}
