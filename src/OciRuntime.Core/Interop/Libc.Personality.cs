using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>Returns the previous persona, or -1 with errno set.</summary>
    [LibraryImport(Name, EntryPoint = "personality", SetLastError = true)]
    internal static partial int Personality(nuint persona);
}
