using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "sched_setaffinity", SetLastError = true)]
    internal static unsafe partial int SchedSetaffinity(int pid, nuint cpusetsize, ulong* mask);
}
