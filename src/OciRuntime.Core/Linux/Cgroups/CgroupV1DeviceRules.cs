using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Turns linux.resources.devices into the devices.allow/devices.deny writes of
/// the v1 devices controller (Documentation/admin-guide/cgroup-v1/devices.rst).
/// </summary>
public static class CgroupV1DeviceRules
{
    public static IReadOnlyList<CgroupWrite> Plan(IReadOnlyList<DeviceCgroup> rules)
    {
        // A new v1 cgroup inherits its parent's list, often allow-all; deny
        // everything first so only the listed rules grant access. Later rules
        // win, and an "a" rule resets the list, as the spec's order implies.
        var writes = new List<CgroupWrite> { new("devices.deny", "a") };
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var type = string.IsNullOrEmpty(rule.Type) ? "a" : rule.Type;
            if (type is not ("a" or "c" or "b"))
                throw new RuntimeException($"config.json: linux.resources.devices[{i}].type: unknown type \"{type}\" (a, c or b)");
            var access = string.IsNullOrEmpty(rule.Access) ? "rwm" : rule.Access;
            foreach (var ch in access)
            {
                if (ch is not ('r' or 'w' or 'm'))
                    throw new RuntimeException($"config.json: linux.resources.devices[{i}].access: \"{access}\" may only contain r, w and m");
            }
            var line = $"{type} {Number(rule.Major)}:{Number(rule.Minor)} {access}";
            writes.Add(new CgroupWrite(rule.Allow ? "devices.allow" : "devices.deny", line));
        }
        return writes;
    }

    private static string Number(long? value) =>
        value is null or < 0 ? "*" : value.Value.ToString(CultureInfo.InvariantCulture);
}
