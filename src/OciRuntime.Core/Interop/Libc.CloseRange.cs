using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const uint CLOSE_RANGE_CLOEXEC = 4;

    [LibraryImport(Name, EntryPoint = "close_range", SetLastError = true)]
    internal static partial int CloseRange(uint first, uint last, uint flags);
}
