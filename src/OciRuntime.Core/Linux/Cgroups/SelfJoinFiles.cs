using System.Collections.Generic;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Opens ICgroupManager.SelfJoinFiles for the process that moves itself:
/// the runtime opens them (the kernel checks the opener's credentials), the
/// init or the bootstrap writes "0" through them.
/// </summary>
public static class SelfJoinFiles
{
    /// <summary>Write-only, close-on-exec descriptors in the order given; none left open on failure. The caller closes them.</summary>
    public static int[] Open(IReadOnlyList<string> files)
    {
        var fds = new int[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            fds[i] = Libc.Open(files[i], Flags.O_WRONLY | Flags.O_CLOEXEC, 0);
            if (fds[i] < 0)
            {
                int errno = Libc.Errno;
                for (int j = 0; j < i; j++)
                    Libc.Close(fds[j]);
                throw new SyscallException($"open `{files[i]}`", errno);
            }
        }
        return fds;
    }
}
