using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    /// <summary>Writes the filter as an array of struct sock_filter to fd.</summary>
    [LibraryImport(Name, EntryPoint = "seccomp_export_bpf")]
    internal static partial int ExportBpf(nint ctx, int fd);
}
