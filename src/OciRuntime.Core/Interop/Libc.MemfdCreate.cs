using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const uint MFD_CLOEXEC = 1;
    internal const uint MFD_ALLOW_SEALING = 2;

    /// <summary>memfd_create(2): anonymous files for the seccomp export and the sealed runtime copy.</summary>
    [LibraryImport(Name, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MemfdCreate(string name, uint flags);
}
