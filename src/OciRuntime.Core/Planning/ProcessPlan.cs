using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// Everything the container init needs to give the user process its
/// attributes, decided before the init enters the container.
/// </summary>
public sealed record ProcessPlan
{
    public required uint Uid { get; init; }
    public required uint Gid { get; init; }
    public required uint[] AdditionalGids { get; init; }

    /// <summary>process.user.umask, or 0022 when unset (what runc applies).</summary>
    public required uint Umask { get; init; }

    /// <summary>Null when config.json has no process.capabilities: the init's own sets are left as they are (runc).</summary>
    public required CapabilityPlan? Capabilities { get; init; }

    public required RlimitPlan[] Rlimits { get; init; }
    public required int? OomScoreAdj { get; init; }
    public required bool NoNewPrivileges { get; init; }
    public required string[] Args { get; init; }

    /// <summary>process.env validated and deduplicated (only the last entry of a name stays, where it stood).</summary>
    public required string[] Env { get; init; }

    /// <summary>Whether Env names HOME; if not, HOME comes from the container's /etc/passwd.</summary>
    public required bool HasHome { get; init; }

    /// <summary>The PATH value from Env used to find args[0], null when Env has no PATH.</summary>
    public required string? PathEnv { get; init; }

    public required string Cwd { get; init; }

    /// <summary>Lines to log as warnings (spec: capabilities that cannot be mapped are warnings, not errors).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
