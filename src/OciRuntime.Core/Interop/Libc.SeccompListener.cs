using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>socket, connect, sendmsg and recvmsg for passing a descriptor with SCM_RIGHTS.</summary>
internal static partial class Libc
{
    internal const int SOL_SOCKET = 1;
    internal const int SCM_RIGHTS = 1;
    internal const int MSG_CMSG_CLOEXEC = 0x40000000;

    [LibraryImport(Name, EntryPoint = "socket", SetLastError = true)]
    internal static partial int UnixSocket(int domain, int type, int protocol);

    [LibraryImport(Name, EntryPoint = "connect", SetLastError = true)]
    internal static unsafe partial int UnixConnect(int fd, void* address, uint length);

    [LibraryImport(Name, EntryPoint = "sendmsg", SetLastError = true)]
    internal static unsafe partial nint SendMsgRights(int fd, void* message, int flags);

    [LibraryImport(Name, EntryPoint = "recvmsg", SetLastError = true)]
    internal static unsafe partial nint RecvMsgRights(int fd, void* message, int flags);
}
