using OciRuntime.Core.Spec;
using SpecProcess = OciRuntime.Core.Spec.Process;

namespace OciRuntime.Tests.ProcessAttributes;

internal static class PlannerInput
{
    public static SpecProcess Minimal() => new()
    {
        Args = ["sh"],
        Cwd = "/",
        Env = ["PATH=/usr/bin:/bin", "TERM=xterm"],
        User = new User { Uid = 1000, Gid = 1001 },
    };

    public static SpecProcess WithCaps(Capabilities caps) => Minimal() with { Capabilities = caps };

    public static SpecProcess WithRlimits(params Rlimit[] rlimits) => Minimal() with { Rlimits = rlimits };
}
