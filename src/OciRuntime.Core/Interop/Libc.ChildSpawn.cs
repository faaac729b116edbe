using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>posix_spawn with a PATH search (for helpers named without a directory, like `ps`).</summary>
    [LibraryImport(Name, EntryPoint = "posix_spawnp", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int PosixSpawnP(out int pid, string file, void* fileActions, void* attr, nint* argv, nint* envp);

    [LibraryImport(Name, EntryPoint = "pipe2", SetLastError = true)]
    internal static unsafe partial int Pipe2(int* fds, int flags);
}
