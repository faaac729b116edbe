using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>SECCOMP_FILTER_FLAG_* names of the spec and their bits in linux/seccomp.h.</summary>
public static class SeccompFilterFlags
{
    public static readonly IReadOnlyDictionary<string, uint> ByName = new Dictionary<string, uint>
    {
        ["SECCOMP_FILTER_FLAG_TSYNC"] = 1,
        ["SECCOMP_FILTER_FLAG_LOG"] = 2,
        ["SECCOMP_FILTER_FLAG_SPEC_ALLOW"] = 4,
        ["SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"] = 32,
    };

    /// <summary>Not a config value: set by the runtime when a rule uses SCMP_ACT_NOTIFY.</summary>
    public const uint NewListener = 8;

    public const uint Tsync = 1;
}
