using System.Runtime.InteropServices;

namespace OciRuntime.Core.Pending;

// Temporary imports until the process/lifecycle layers land.
internal static partial class PendingLibc
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint a2, nuint a3, nuint a4, nuint a5);

    [LibraryImport("libc", EntryPoint = "chroot", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Chroot(string path);

    [LibraryImport("libc", EntryPoint = "chdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Chdir(string path);

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Mount(string? source, string target, string? type, nuint flags, string? data);

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    internal static unsafe partial int Execve(nint path, nint* argv, nint* envp);

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Mkfifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "sethostname", SetLastError = true)]
    internal static unsafe partial int Sethostname(byte* name, nuint len);
}
