using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux;

/// <summary>
/// An object whose finalizer blocks a signal set on the thread that runs it,
/// the runtime's finalizer thread: the only way to reach that thread's
/// signal mask (see <see cref="ForegroundWait"/>).
/// </summary>
internal sealed class SignalBlocker
{
    private readonly SigSet _set;

    public SignalBlocker(SigSet set) => _set = set;

    ~SignalBlocker()
    {
        unsafe
        {
            var set = _set;
            Libc.PthreadSigmask(WaitFlags.SIG_BLOCK, &set, null);
        }
    }
}
