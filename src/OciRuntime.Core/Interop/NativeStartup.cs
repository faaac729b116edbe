using System;
using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

/// <summary>What the C constructor (src/native/bootstrap.c) did before the .NET runtime started.</summary>
internal static partial class NativeStartup
{
    [LibraryImport("libocinative", EntryPoint = "ocirt_startup_sigmask")]
    private static unsafe partial int StartupSigmask(SigSet* before);

    /// <summary>
    /// Whether the constructor blocked `run`'s signals before any thread
    /// existed (so every thread of the process has them blocked), and the
    /// mask from before. False where the constructor is not linked (tests).
    /// </summary>
    public static unsafe bool TryGetMaskBeforeRunBlock(out SigSet before)
    {
        SigSet mask = default;
        try
        {
            if (StartupSigmask(&mask) == 1)
            {
                before = mask;
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        before = default;
        return false;
    }
}
