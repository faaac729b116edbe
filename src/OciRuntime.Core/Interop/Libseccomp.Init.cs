using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    /// <summary>A filter context for the native architecture, or 0 on failure.</summary>
    [LibraryImport(Name, EntryPoint = "seccomp_init")]
    internal static partial nint Init(uint defaultAction);
}
