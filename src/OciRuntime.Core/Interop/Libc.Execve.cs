using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>argv and envp are NULL-terminated arrays of NUL-terminated UTF-8 strings.</summary>
    [LibraryImport(Name, EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int Execve(string path, byte** argv, byte** envp);
}
