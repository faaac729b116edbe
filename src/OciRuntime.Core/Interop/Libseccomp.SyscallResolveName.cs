using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    /// <summary>
    /// The native syscall number, a negative pseudo number for a syscall of
    /// another architecture (e.g. socketcall), or <see cref="NrError"/>.
    /// </summary>
    [LibraryImport(Name, EntryPoint = "seccomp_syscall_resolve_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SyscallResolveName(string name);
}
