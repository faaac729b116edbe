using System;
using System.IO;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// Finds args[0] the way runc does (Go's exec.LookPath), inside the container
/// and as the container user, before the init waits for `start`, so that a
/// missing binary is a create-time error.
/// </summary>
public static class ExecutableResolver
{
    /// <summary>Resolves against the real filesystem.</summary>
    public static string Resolve(string arg0, string? pathEnv) => Resolve(arg0, pathEnv, Check);

    /// <param name="arg0">process.args[0].</param>
    /// <param name="pathEnv">PATH from the process env; null or empty finds nothing, as runc (it does not add a default PATH).</param>
    /// <param name="check">Null when the path is an executable file, else why not (Go's wording, e.g. "permission denied").</param>
    public static string Resolve(string arg0, string? pathEnv, Func<string, string?> check)
    {
        if (arg0.Contains('/'))
        {
            string? why = check(arg0);
            if (why is not null)
                throw new RuntimeException($"exec: \"{arg0}\": {why}");
            return arg0;
        }

        if (!string.IsNullOrEmpty(pathEnv) && arg0.Length > 0)
        {
            foreach (string entry in pathEnv.Split(':'))
            {
                // An empty element means the current directory (sh semantics).
                string dir = entry.Length == 0 ? "." : entry;
                string candidate = Join(dir, arg0);
                if (check(candidate) is not null)
                    continue;
                // Go refuses a match found through a relative PATH element
                // (exec.ErrDot): the working directory would pick the binary.
                if (candidate[0] != '/')
                    throw new RuntimeException($"exec: \"{arg0}\": cannot run executable found relative to current directory");
                return candidate;
            }
        }
        throw new RuntimeException($"exec: \"{arg0}\": executable file not found in $PATH");
    }

    private static string Join(string dir, string file)
    {
        string trimmed = dir.TrimEnd('/');
        return trimmed.Length == 0 && dir.Length > 0 ? "/" + file : trimmed + "/" + file;
    }

    /// <summary>
    /// Go's findExecutable: exists, is not a directory, and is executable for
    /// the effective ids (faccessat AT_EACCESS); when the kernel or a seccomp
    /// profile refuses faccessat (ENOSYS, EPERM), any x bit counts.
    /// </summary>
    public static string? Check(string path)
    {
        if (Libc.FAccessAt(Flags.AT_FDCWD, path, ProcessFlags.F_OK, ProcessFlags.AT_EACCESS) < 0)
        {
            // glibc implements flagged faccessat with faccessat2, which a seccomp
            // profile loaded before this point may deny (EPERM); stat decides then.
            int fErrno = Libc.Errno;
            if (fErrno is not (ProcessFlags.ENOSYS or ProcessFlags.EPERM) || !(File.Exists(path) || Directory.Exists(path)))
                return $"stat {path}: {ErrnoText.Of(fErrno is ProcessFlags.ENOSYS or ProcessFlags.EPERM ? Flags.ENOENT : fErrno)}";
        }
        if (Directory.Exists(path))
            return ErrnoText.Of(ProcessFlags.EISDIR);
        if (Libc.FAccessAt(Flags.AT_FDCWD, path, ProcessFlags.X_OK, ProcessFlags.AT_EACCESS) == 0)
            return null;
        int errno = Libc.Errno;
        if (errno is not (ProcessFlags.ENOSYS or ProcessFlags.EPERM))
            return ErrnoText.Of(errno);
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        // The guard only satisfies the platform analyzer: the runtime is Linux-only.
        bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & anyExecute) != 0;
        return executable ? null : ErrnoText.Of(ProcessFlags.EACCES);
    }
}
