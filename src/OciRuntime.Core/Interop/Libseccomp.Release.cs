using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    [LibraryImport(Name, EntryPoint = "seccomp_release")]
    internal static partial void Release(nint ctx);
}
