using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "sethostname", SetLastError = true)]
    internal static unsafe partial int SetHostname(byte* name, nuint length);
}
