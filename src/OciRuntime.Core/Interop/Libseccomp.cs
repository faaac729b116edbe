using System;
using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>
/// libseccomp (Debian's libseccomp2), used by `create` only to compile
/// linux.seccomp to classic BPF. Its functions return a negative errno
/// instead of setting errno. Never called from the container init: after
/// pivot_root the host's library is out of reach (DESIGN.md).
/// </summary>
internal static partial class Libseccomp
{
    internal const string Name = "libseccomp.so.2";

    /// <summary>__NR_SCMP_ERROR: the name is not a syscall libseccomp knows.</summary>
    internal const int NrError = -1;

    internal const int FilterAttrCtlNnp = 3;

    /// <summary>
    /// The library is loaded only when a config asks for seccomp, so a host
    /// without it can still run every other container.
    /// </summary>
    internal static bool IsAvailable() => NativeLibrary.TryLoad(Name, out _);
}
