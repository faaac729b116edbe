using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "getpid", SetLastError = true)]
    internal static partial int Getpid();
}
