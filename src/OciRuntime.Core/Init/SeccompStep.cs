using System;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux.Seccomp;

namespace OciRuntime.Core.Init;

/// <summary>
/// Loading the seccomp filter in an init about to execve (the container's
/// and an exec's): the filter binds the runtime's remaining syscalls too.
/// </summary>
internal static class SeccompStep
{
    private const long NoGcBytes = 4 << 20;

    /// <returns>The notify listener fd, or -1.</returns>
    public static int Load(InitRequest request)
    {
        // Profiles that deny close_range (runtime-tools' default does) would
        // make the marking before execve fail silently: mark while it is
        // still allowed.
        Libc.CloseRange((uint)(3 + request.PreserveFds), uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC);
        // No garbage collection under the filter: suspending threads uses
        // membarrier(2) and a background GC would create a thread (clone3),
        // both commonly denied by profiles. The allocations left before
        // execve are small.
        GC.TryStartNoGCRegion(NoGcBytes);
        return SeccompLoader.Load(request.Seccomp!);
    }
}
