using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libc
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct CapUserHeader
    {
        internal uint Version;
        internal int Pid;
    }

    /// <summary>One 32-bit half of the three sets; version 3 passes two of these.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CapUserData
    {
        internal uint Effective;
        internal uint Permitted;
        internal uint Inheritable;
    }

    [LibraryImport(Name, EntryPoint = "capget", SetLastError = true)]
    internal static unsafe partial int CapGet(CapUserHeader* header, CapUserData* data);

    [LibraryImport(Name, EntryPoint = "capset", SetLastError = true)]
    internal static unsafe partial int CapSet(CapUserHeader* header, CapUserData* data);
}
