using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    /// <summary>The AUDIT_ARCH_* token for a name such as "x86_64", or 0 when unknown.</summary>
    [LibraryImport(Name, EntryPoint = "seccomp_arch_resolve_name", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint ArchResolveName(string name);
}
