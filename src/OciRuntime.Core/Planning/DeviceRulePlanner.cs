using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The device cgroup rules of a container: the config's
/// linux.resources.devices, then access to the devices every container
/// gets (the default /dev nodes, ptys), then the config's linux.devices.
/// Later rules win, as in the kernel's devices controller.
/// </summary>
public static class DeviceRulePlanner
{
    private static readonly DeviceCgroup[] Defaults =
    [
        Allow("c", 1, 3),   // /dev/null
        Allow("c", 1, 5),   // /dev/zero
        Allow("c", 1, 7),   // /dev/full
        Allow("c", 5, 0),   // /dev/tty
        Allow("c", 1, 9),   // /dev/urandom
        Allow("c", 1, 8),   // /dev/random
        Allow("c", 136, null), // /dev/pts/*
        Allow("c", 5, 2),   // /dev/ptmx
        Allow("c", 5, 1),   // /dev/console
    ];

    public static IReadOnlyList<DeviceCgroup> Plan(ContainerConfig config)
    {
        var rules = new List<DeviceCgroup>();
        if (config.Linux?.Resources?.Devices is { } configured)
            rules.AddRange(configured);
        rules.AddRange(Defaults);
        foreach (var d in config.Linux?.Devices ?? [])
        {
            if (d.Type is "c" or "b" or "u")
                rules.Add(new DeviceCgroup { Allow = true, Type = d.Type == "u" ? "c" : d.Type, Major = d.Major, Minor = d.Minor, Access = "rwm" });
        }
        return rules;
    }

    private static DeviceCgroup Allow(string type, long major, long? minor) =>
        new() { Allow = true, Type = type, Major = major, Minor = minor, Access = "rwm" };
}
