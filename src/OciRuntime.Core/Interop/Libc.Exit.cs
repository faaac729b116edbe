using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>_exit: no atexit handlers, no stdio flush, no runtime shutdown.</summary>
    [LibraryImport(Name, EntryPoint = "_exit")]
    internal static partial void Exit(int status);
}
