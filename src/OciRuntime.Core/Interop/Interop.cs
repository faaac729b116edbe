using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>
/// Every libc import of the project, one file per import (Interop.Name.cs).
/// All imports set errno and marshal strings as UTF-8.
/// </summary>
internal static partial class Libc
{
    internal const string Name = "libc";

    /// <summary>errno of the last import called on this thread.</summary>
    internal static int Errno => Marshal.GetLastPInvokeError();
}
