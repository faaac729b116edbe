using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// The state root (--root): one directory per container id holding
/// state.json, the exec FIFO and a lock file. Mutating commands hold the
/// container's lock exclusively for their whole run, readers share it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class StateStore
{
    public const string StateFileName = "state.json";
    public const string ExecFifoName = "exec.fifo";
    public const string LockFileName = ".lock";
    /// <summary>The config as create validated it (Operations.StoredConfig).</summary>
    public const string ConfigFileName = "config.json";

    // Modes as runc leaves them: only root may list the root and read state,
    // while the container dir is searchable (0711) so that an unprivileged
    // container user can still reach the FIFO it has been handed.
    private const UnixFileMode RootMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode ContainerDirMode = RootMode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private const UnixFileMode StateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode ExecFifoMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    public StateStore(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>/run/ociruntime for root; $XDG_RUNTIME_DIR/ociruntime otherwise when that is set (rootless).</summary>
    public static string DefaultRoot(bool isRoot, string? xdgRuntimeDir) =>
        !isRoot && !string.IsNullOrEmpty(xdgRuntimeDir)
            ? Path.Combine(xdgRuntimeDir, "ociruntime")
            : "/run/ociruntime";

    public static string DefaultRoot() =>
        DefaultRoot(Environment.IsPrivilegedProcess, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"));

    public string ContainerDir(string id)
    {
        ContainerId.Validate(id);
        return Path.Combine(Root, id);
    }

    public string StatePath(string id) => Path.Combine(ContainerDir(id), StateFileName);
    public string ExecFifoPath(string id) => Path.Combine(ContainerDir(id), ExecFifoName);
    private string LockPath(string id) => Path.Combine(ContainerDir(id), LockFileName);

    public bool Exists(string id) => Directory.Exists(ContainerDir(id));

    /// <summary>
    /// Claims <paramref name="id"/>: makes its directory and returns its lock,
    /// held exclusively. Fails with runc's text when the id is taken.
    /// </summary>
    public ContainerLock Create(string id)
    {
        var dir = ContainerDir(id);
        if (!Directory.Exists(Root))
            Directory.CreateDirectory(Root, RootMode);
        if (Directory.Exists(dir))
            throw AlreadyExists();
        Directory.CreateDirectory(dir, ContainerDirMode);
        File.SetUnixFileMode(dir, ContainerDirMode);

        // O_EXCL on the lock file is the atomic claim: of two concurrent
        // creates of one id, exactly one gets past this open.
        var lockPath = LockPath(id);
        var fd = Libc.Open(lockPath, Flags.O_RDWR | Flags.O_CREAT | Flags.O_EXCL | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0x180);
        if (fd < 0)
        {
            var errno = Libc.Errno;
            if (errno == Flags.EEXIST)
                throw AlreadyExists();
            throw new SyscallException($"open `{lockPath}`", errno);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            ContainerLock.Acquire(handle, LockMode.Exclusive, lockPath);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        return new ContainerLock(handle, id, LockMode.Exclusive);
    }

    /// <summary>
    /// Takes the container's lock, blocking without timeout. Fails with
    /// "container does not exist" when there is no such container, including
    /// when it was removed while this call waited.
    /// </summary>
    public ContainerLock Lock(string id, LockMode mode)
    {
        var lockPath = LockPath(id);
        while (true)
        {
            var fd = Libc.Open(lockPath, Flags.O_RDWR | Flags.O_NOFOLLOW | Flags.O_CLOEXEC, 0);
            if (fd < 0)
            {
                var errno = Libc.Errno;
                if (errno == Flags.ENOENT)
                    throw DoesNotExist();
                throw new SyscallException($"open `{lockPath}`", errno);
            }
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            try
            {
                ContainerLock.Acquire(handle, mode, lockPath);
                // delete removes the directory while holding the lock; a waiter
                // then holds a lock on an unlinked file and must look again.
                if (IsSameFile(fd, lockPath))
                    return new ContainerLock(handle, id, mode);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
            handle.Dispose();
        }
    }

    private static bool IsSameFile(int fd, string path)
    {
        SyscallException.Check(Libc.Fstat(fd, out var held), $"fstat `{path}`");
        if (Libc.Stat(path, out var current) < 0)
        {
            var errno = Libc.Errno;
            if (errno == Flags.ENOENT)
                return false;
            throw new SyscallException($"stat `{path}`", errno);
        }
        return held.Dev == current.Dev && held.Ino == current.Ino;
    }

    /// <summary>Writes state.json atomically (temp file, rename). The caller holds the exclusive lock.</summary>
    public void Save(ContainerRecord record)
    {
        WriteAtomic(record.Id, StateFileName, ContainerRecordJson.Write(record));
    }

    /// <summary>
    /// Writes a file of the container's directory atomically: a temp file in
    /// the same directory, then rename(2), so readers see the old content or
    /// the new, never a torn file. No fsync: the state belongs on a tmpfs
    /// (/run) and dies with the machine, as runc's and crun's does; on a
    /// disk-backed /run the fsync alone cost about 17 ms per write.
    /// </summary>
    public void WriteAtomic(string id, string fileName, ReadOnlySpan<byte> bytes)
    {
        var dir = ContainerDir(id);
        var final = Path.Combine(dir, fileName);
        var temp = Path.Combine(dir, $".{fileName}.{Path.GetRandomFileName()}");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = StateFileMode,
                BufferSize = 0,
            }))
            {
                stream.Write(bytes);
            }
            File.Move(temp, final, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads state.json; "container does not exist" (runc's text, which engines match) when absent.</summary>
    public ContainerRecord Load(string id)
    {
        var path = StatePath(id);
        var bytes = SmallFile.Read(path);
        if (bytes is null)
        {
            // The caller holds the lock, so the directory without a state file
            // is what a create or delete killed half-way leaves: a stopped
            // container that list shows and delete removes.
            if (Directory.Exists(ContainerDir(id)))
                return new ContainerRecord { Id = id, Creating = true };
            throw DoesNotExist();
        }
        try
        {
            return ContainerRecordJson.Read(bytes)
                ?? throw new RuntimeException($"read `{path}`: empty state");
        }
        catch (JsonException e)
        {
            throw new RuntimeException($"read `{path}`: {e.Message}", e);
        }
    }

    /// <summary>Ids of the containers under the root, sorted (ordinal); none when the root does not exist.</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Root))
            return [];
        var ids = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(dir);
            if (ContainerId.IsValid(name))
                ids.Add(name);
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Removes the container's directory; false when there was none. The caller holds the exclusive lock.</summary>
    public bool Remove(string id)
    {
        var dir = ContainerDir(id);
        // The files this store puts there, then the directory: a few unlinks
        // instead of a listing. Anything else (a writer's temporary file)
        // leaves the directory non-empty, and it goes the long way.
        foreach (var name in OwnFiles)
            Libc.UnlinkAt(Flags.AT_FDCWD, Path.Combine(dir, name), 0);
        if (Libc.UnlinkAt(Flags.AT_FDCWD, dir, MountConstants.AT_REMOVEDIR) == 0)
            return true;
        if (!Directory.Exists(dir))
            return false;
        Directory.Delete(dir, recursive: true);
        return true;
    }

    private static readonly string[] OwnFiles = [StateFileName, ConfigFileName, ExecFifoName, LockFileName];

    /// <summary>Makes exec.fifo (mode 0622: the container user, maybe unprivileged, opens it for writing).</summary>
    public string CreateExecFifo(string id)
    {
        var path = ExecFifoPath(id);
        SyscallException.Check(Libc.Mkfifo(path, (uint)ExecFifoMode), $"mkfifo `{path}`");
        File.SetUnixFileMode(path, ExecFifoMode);
        return path;
    }

    private static RuntimeException DoesNotExist() => new("container does not exist");
    private static RuntimeException AlreadyExists() => new("container with given ID already exists");
}
