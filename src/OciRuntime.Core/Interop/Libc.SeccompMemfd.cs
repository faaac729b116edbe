using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const uint MFD_CLOEXEC = 1;

    /// <summary>memfd_create(2): where libseccomp exports the compiled filter.</summary>
    [LibraryImport(Name, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SeccompMemfd(string name, uint flags);
}
