using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    /// <summary>pthread_sigmask(3): the calling thread's mask only.</summary>
    [LibraryImport(Name, EntryPoint = "pthread_sigmask", SetLastError = true)]
    internal static unsafe partial int PthreadSigmask(int how, SigSet* set, SigSet* oldSet);
}
