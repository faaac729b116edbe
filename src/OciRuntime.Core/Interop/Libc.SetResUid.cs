using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const long SYS_setresuid = 117;

    // The kernel's credentials are per thread. These run in the container
    // init's main thread, which then calls execve: the new program has only
    // that thread and its credentials. glibc's wrapper would apply the change
    // to the .NET runtime's other threads as well, by signalling each and
    // waiting for it (three round trips per container); those threads run
    // none of the container's code and end at execve, as runc's init relies on too.
    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    internal static partial long SetResUid(long number, uint ruid, uint euid, uint suid);
}
