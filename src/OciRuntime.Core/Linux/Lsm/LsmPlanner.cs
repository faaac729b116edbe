using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Lsm;

/// <summary>
/// process.apparmorProfile, process.selinuxLabel and linux.mountLabel against
/// what the host has, with runc's rules for a host that lacks the module:
/// <list type="bullet">
/// <item>AppArmor disabled: the profile is ignored without a word. Engines
/// pass their default profile everywhere; runc and crun skip it.</item>
/// <item>SELinux disabled and a process label asked for: an error. Running
/// the workload unconfined when a label was required is not safe.</item>
/// <item>SELinux disabled and only a mount label: ignored, as runc's
/// label formatting does.</item>
/// </list>
/// </summary>
public static class LsmPlanner
{
    public static LsmPlan Plan(ContainerConfig config, LsmHost host)
    {
        string? profile = Blank(config.Process?.ApparmorProfile);
        string? processLabel = Blank(config.Process?.SelinuxLabel);
        string? mountLabel = Blank(config.Linux?.MountLabel);

        if (processLabel is not null && !host.Selinux)
            throw new RuntimeException("config.json: process.selinuxLabel: SELinux label is set but SELinux is disabled or not supported by the host");
        foreach (var (path, value) in new[] { ("process.apparmorProfile", profile), ("process.selinuxLabel", processLabel), ("linux.mountLabel", mountLabel) })
        {
            // Each value ends up in a /proc write or a comma-separated mount
            // option string, where these characters would change its meaning.
            if (value is not null && value.IndexOfAny(['\n', '\0', '"']) >= 0)
                throw new RuntimeException($"config.json: {path}: must not contain a newline, a NUL or a double quote");
        }
        return new LsmPlan
        {
            AppArmorProfile = host.AppArmor ? profile : null,
            ProcessLabel = processLabel,
            MountLabel = host.Selinux ? mountLabel : null,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
