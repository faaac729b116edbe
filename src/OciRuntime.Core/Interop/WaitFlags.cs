namespace OciRuntime.Core.Interop;

/// <summary>uapi constants for waiting on processes, FIFOs and signals without sleeping (x86_64).</summary>
internal static class WaitFlags
{
    internal const short POLLIN = 0x1;
    internal const short POLLERR = 0x8;
    internal const short POLLHUP = 0x10;

    internal const int SIG_BLOCK = 0;
    internal const int SIG_SETMASK = 2;

    internal const int SFD_NONBLOCK = 0x800;
    internal const int SFD_CLOEXEC = 0x80000;


    /// <summary>sizeof(struct signalfd_siginfo); ssi_signo is its first u32.</summary>
    internal const int SignalfdSiginfoSize = 128;
}
