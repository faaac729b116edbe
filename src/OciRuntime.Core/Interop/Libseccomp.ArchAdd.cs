using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    /// <summary>0, or -EEXIST when the context already has the architecture.</summary>
    [LibraryImport(Name, EntryPoint = "seccomp_arch_add")]
    internal static partial int ArchAdd(nint ctx, uint archToken);
}
