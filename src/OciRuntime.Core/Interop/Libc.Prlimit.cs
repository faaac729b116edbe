using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct RLimit
    {
        internal ulong Current;
        internal ulong Maximum;
    }

    /// <summary>glibc's prlimit is prlimit64 on x86_64: 64-bit limits, pid 0 = the caller.</summary>
    [LibraryImport(Name, EntryPoint = "prlimit", SetLastError = true)]
    internal static unsafe partial int Prlimit(int pid, int resource, RLimit* newLimit, RLimit* oldLimit);
}
