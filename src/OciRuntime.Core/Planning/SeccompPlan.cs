using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>linux.seccomp translated to libseccomp values, ready to compile.</summary>
public sealed record SeccompPlan
{
    public required uint DefaultAction { get; init; }

    /// <summary>libseccomp architecture names ("x86_64", "x32", ...) besides the native one.</summary>
    public required IReadOnlyList<string> Architectures { get; init; }

    /// <summary>SECCOMP_FILTER_FLAG_* bits for seccomp(2).</summary>
    public required uint Flags { get; init; }

    public required IReadOnlyList<SeccompRule> Rules { get; init; }
}
