using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [LibraryImport(Name, EntryPoint = "setdomainname", SetLastError = true)]
    internal static unsafe partial int SetDomainname(byte* name, nuint length);
}
