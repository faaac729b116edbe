using System.Runtime.InteropServices;

namespace OciRuntime;

/// <summary>The C bootstrap linked into this executable (src/native/bootstrap.c).</summary>
internal static partial class NativeBootstrap
{
    /// <summary>Calling it keeps the object, and with it the ELF constructor, in the link.</summary>
    [LibraryImport("libocinative", EntryPoint = "ocirt_native_version")]
    internal static partial int Version();
}
