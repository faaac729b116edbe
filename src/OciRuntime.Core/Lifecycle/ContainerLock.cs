using System;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// A held flock(2) on a container's lock file. The lock belongs to the open
/// file description, so it is released when this is disposed or the process
/// exits, never left behind by a crash.
/// </summary>
public sealed class ContainerLock : IDisposable
{
    private readonly SafeFileHandle _handle;

    internal ContainerLock(SafeFileHandle handle, string id, LockMode mode)
    {
        _handle = handle;
        Id = id;
        Mode = mode;
    }

    public string Id { get; }
    public LockMode Mode { get; }

    /// <summary>Blocks (no timeout) until the lock is granted; retries on EINTR.</summary>
    internal static void Acquire(SafeFileHandle handle, LockMode mode, string path)
    {
        var op = mode == LockMode.Exclusive ? LifecycleFlags.LOCK_EX : LifecycleFlags.LOCK_SH;
        var fd = (int)handle.DangerousGetHandle();
        while (Libc.Flock(fd, op) < 0)
        {
            var errno = Libc.Errno;
            if (errno != Flags.EINTR)
                throw new SyscallException($"flock `{path}`", errno);
        }
    }

    public void Dispose() => _handle.Dispose();
}
