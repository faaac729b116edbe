using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;

    // posix_spawn uses clone(CLONE_VM|CLONE_VFORK) and exec, which is safe
    // from a multi-threaded process, unlike fork() from managed code.
    [LibraryImport(Name, EntryPoint = "posix_spawn", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int PosixSpawn(out int pid, string path, void* fileActions, void* attr, nint* argv, nint* envp);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_init")]
    internal static unsafe partial int PosixSpawnFileActionsInit(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_destroy")]
    internal static unsafe partial int PosixSpawnFileActionsDestroy(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_adddup2")]
    internal static unsafe partial int PosixSpawnFileActionsAddDup2(void* fileActions, int fd, int newfd);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_init")]
    internal static unsafe partial int PosixSpawnAttrInit(void* attr);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_destroy")]
    internal static unsafe partial int PosixSpawnAttrDestroy(void* attr);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setflags")]
    internal static unsafe partial int PosixSpawnAttrSetFlags(void* attr, short flags);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigmask")]
    internal static unsafe partial int PosixSpawnAttrSetSigMask(void* attr, void* sigset);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigdefault")]
    internal static unsafe partial int PosixSpawnAttrSetSigDefault(void* attr, void* sigset);

    [LibraryImport(Name, EntryPoint = "sigemptyset")]
    internal static unsafe partial int SigEmptySet(void* set);

    [LibraryImport(Name, EntryPoint = "sigfillset")]
    internal static unsafe partial int SigFillSet(void* set);
}
