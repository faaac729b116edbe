using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux;

/// <summary>
/// Makes this process the subreaper of its descendants, so that the
/// container init (whose own parent, the bootstrap, exits) becomes our child
/// and `run` can wait for it.
/// </summary>
public static class ChildSubreaper
{
    private const int PR_SET_CHILD_SUBREAPER = 36;

    public static void Enable() =>
        SyscallException.Check(Libc.Prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "prctl PR_SET_CHILD_SUBREAPER");
}
