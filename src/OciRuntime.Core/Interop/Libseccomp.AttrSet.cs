using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    [LibraryImport(Name, EntryPoint = "seccomp_attr_set")]
    internal static partial int AttrSet(nint ctx, int attribute, uint value);
}
