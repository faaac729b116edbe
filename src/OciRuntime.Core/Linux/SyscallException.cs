using System;
using System.Runtime.InteropServices;

namespace OciRuntime.Core.Linux;

/// <summary>
/// The one exception type for a failed system call. The message reads
/// "verb `arg`: strerror", e.g. "mount `/proc` on `/run/x/rootfs/proc`: Operation not permitted".
/// </summary>
public sealed class SyscallException : Exception
{
    public int Errno { get; }

    public SyscallException(string what, int errno)
        : base($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}")
    {
        Errno = errno;
    }

    /// <summary>Throws with the calling thread's errno when <paramref name="result"/> is negative.</summary>
    public static int Check(int result, string what)
    {
        if (result < 0)
            throw new SyscallException(what, Marshal.GetLastPInvokeError());
        return result;
    }

    public static long Check(long result, string what)
    {
        if (result < 0)
            throw new SyscallException(what, Marshal.GetLastPInvokeError());
        return result;
    }
}
