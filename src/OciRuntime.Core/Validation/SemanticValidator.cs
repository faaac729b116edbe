using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Validation;

/// <summary>
/// Checks a config.json that already passed the JSON schema for what the
/// schema cannot express: cross-field rules of the spec, the rules runc
/// enforces where the spec is silent, and fields this runtime does not
/// implement yet (<see cref="UnsupportedFields"/>). Pure: reads nothing but the config.
/// Every error is one line, "config.json: &lt;json path&gt;: &lt;rule&gt;".
/// </summary>
public static class SemanticValidator
{
    private const string Prefix = "config.json: ";

    // runc's list of IPC-namespaced sysctls (ipc_namespace.c and
    // mq_sysctl.c own exactly these plus fs.mqueue.*).
    private static readonly HashSet<string> IpcSysctls = new(StringComparer.Ordinal)
    {
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
        "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    };

    public static IReadOnlyList<string> Validate(ContainerConfig config)
    {
        var errors = new List<string>();
        void Add(string path, string rule) => errors.Add(Prefix + path + ": " + rule);

        CheckVersion(config.OciVersion, Add);
        CheckRoot(config.Root, Add);
        CheckProcess(config.Process, Add);
        CheckMounts(config.Mounts, Add);
        var namespaces = CheckNamespaces(config.Linux?.Namespaces, Add);
        CheckIdMappings(config.Linux, namespaces, Add);
        foreach (var (path, rule) in Planning.IdMapRules.CheckConfig(config))
            Add(path, rule);
        CheckNamespaceDependents(config, namespaces, Add);
        CheckHooks(config.Hooks, Add);
        CheckDevices(config.Linux?.Devices, Add);
        CheckSysctl(config.Linux?.Sysctl, namespaces, Add);
        CheckDeviceRules(config.Linux?.Resources?.Devices, Add);
        CheckProcessAttributes(config, errors);

        foreach (var field in UnsupportedFields.All)
        {
            foreach (var path in field.Occurrences(config))
                Add(path, "not supported by ociruntime yet");
        }
        return errors;
    }

    private static void CheckVersion(string version, Action<string, string> add)
    {
        if (!TryParseMajor(version, out var major))
            add("ociVersion", $"\"{version}\" is not a version of the form MAJOR.MINOR.PATCH");
        else if (major != 1)
            add("ociVersion", $"\"{version}\" is not supported (major version must be 1)");
    }

    /// <summary>SemVer 2.0 core "X.Y.Z" with optional -prerelease and +build, as the spec's ociVersion.</summary>
    private static bool TryParseMajor(string version, out int major)
    {
        major = 0;
        var core = version;
        var cut = core.IndexOfAny(['-', '+']);
        if (cut >= 0)
        {
            if (cut == core.Length - 1)
                return false;
            core = core[..cut];
        }
        var parts = core.Split('.');
        if (parts.Length != 3)
            return false;
        foreach (var part in parts)
        {
            if (part.Length == 0 || !part.All(char.IsAsciiDigit))
                return false;
        }
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major);
    }

    private static void CheckRoot(Root? root, Action<string, string> add)
    {
        if (root is null)
            add("root", "required on Linux");
        else if (root.Path.Length == 0)
            add("root.path", "must not be empty");
    }

    private static void CheckProcess(Process? process, Action<string, string> add)
    {
        if (process is null)
        {
            add("process", "required to create a container");
            return;
        }
        if (process.Args is not { Length: > 0 })
            add("process.args", "must not be empty");
        if (!IsAbsolute(process.Cwd))
            add("process.cwd", $"must be an absolute path, got \"{process.Cwd}\"");
        if (process.ConsoleSize is not null && !process.Terminal)
            add("process.consoleSize", "only allowed when process.terminal is true");

        CheckCapabilities(process.Capabilities, add);
        CheckRlimits(process.Rlimits, add);
    }

    private static void CheckCapabilities(Capabilities? caps, Action<string, string> add)
    {
        if (caps is null)
            return;
        (string Name, string[]? Set)[] sets =
        [
            ("bounding", caps.Bounding), ("effective", caps.Effective), ("inheritable", caps.Inheritable),
            ("permitted", caps.Permitted), ("ambient", caps.Ambient),
        ];
        foreach (var (name, set) in sets)
        {
            for (var i = 0; i < (set?.Length ?? 0); i++)
            {
                if (!SemanticNames.Capabilities.Contains(set![i]))
                    add($"process.capabilities.{name}[{i}]", $"unknown capability \"{set[i]}\"");
            }
        }
    }

    private static void CheckRlimits(Rlimit[]? rlimits, Action<string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (rlimits?.Length ?? 0); i++)
        {
            var r = rlimits![i];
            if (!SemanticNames.Rlimits.Contains(r.Type))
                add($"process.rlimits[{i}].type", $"unknown rlimit \"{r.Type}\"");
            else if (!seen.Add(r.Type))
                add($"process.rlimits[{i}].type", $"duplicate rlimit \"{r.Type}\"");
            // setrlimit(2) fails with EINVAL when soft exceeds hard.
            if (r.Soft > r.Hard)
                add($"process.rlimits[{i}].soft", $"{r.Soft} exceeds the hard limit {r.Hard}");
        }
    }

    private static void CheckMounts(Mount[]? mounts, Action<string, string> add)
    {
        for (var i = 0; i < (mounts?.Length ?? 0); i++)
        {
            var dest = mounts![i].Destination;
            if (dest.Length == 0)
                add($"mounts[{i}].destination", "must not be empty");
            else if (!IsAbsolute(dest))
                add($"mounts[{i}].destination", $"must be an absolute path, got \"{dest}\"");
        }
    }

    /// <summary>Returns type → path ("" when the namespace is created) of the valid, first-seen entries.</summary>
    private static Dictionary<string, string> CheckNamespaces(LinuxNamespace[]? namespaces, Action<string, string> add)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < (namespaces?.Length ?? 0); i++)
        {
            var ns = namespaces![i];
            if (!SemanticNames.Namespaces.Contains(ns.Type))
                add($"linux.namespaces[{i}].type", $"unknown namespace \"{ns.Type}\"");
            else if (!result.TryAdd(ns.Type, ns.Path ?? ""))
                add($"linux.namespaces[{i}].type", $"duplicate namespace \"{ns.Type}\"");
            if (!string.IsNullOrEmpty(ns.Path) && !IsAbsolute(ns.Path))
                add($"linux.namespaces[{i}].path", $"must be an absolute path, got \"{ns.Path}\"");
        }
        return result;
    }

    private static void CheckIdMappings(Spec.Linux? linux, Dictionary<string, string> namespaces, Action<string, string> add)
    {
        var hasUserNs = namespaces.TryGetValue("user", out var userPath);
        var createsUserNs = hasUserNs && userPath!.Length == 0;
        (string Name, IdMapping[]? Maps)[] all = [("uidMappings", linux?.UidMappings), ("gidMappings", linux?.GidMappings)];
        foreach (var (name, maps) in all)
        {
            var count = maps?.Length ?? 0;
            // A new user namespace without a map has no valid ids: every
            // process in it runs as the overflow uid and setuid(0) fails.
            if (createsUserNs && count == 0)
                add("linux." + name, "required when a user namespace is created");
            if (!hasUserNs && count > 0)
                add("linux." + name, "not allowed without a user namespace");
            for (var i = 0; i < count; i++)
            {
                if (maps![i].Size == 0)
                    add($"linux.{name}[{i}].size", "must be greater than 0");
            }
        }
    }

    private static void CheckNamespaceDependents(ContainerConfig config, Dictionary<string, string> namespaces, Action<string, string> add)
    {
        // Setting the host's hostname from a container would be a host
        // change; runc refuses it without a private UTS namespace.
        if (!string.IsNullOrEmpty(config.Hostname) && !namespaces.ContainsKey("uts"))
            add("hostname", "requires a uts namespace");
        if (!string.IsNullOrEmpty(config.Domainname) && !namespaces.ContainsKey("uts"))
            add("domainname", "requires a uts namespace");

        var offsets = config.Linux?.TimeOffsets;
        if (offsets is { Count: > 0 })
        {
            if (!namespaces.ContainsKey("time"))
                add("linux.timeOffsets", "requires a time namespace");
            foreach (var clock in offsets.Keys.Order(StringComparer.Ordinal))
            {
                if (!SemanticNames.TimeOffsetClocks.Contains(clock))
                    add($"linux.timeOffsets.{clock}", $"unknown clock \"{clock}\" (monotonic or boottime)");
            }
        }
    }

    private static void CheckHooks(Hooks? hooks, Action<string, string> add)
    {
        if (hooks is null)
            return;
        (string Name, Hook[]? List)[] all =
        [
            ("prestart", hooks.Prestart), ("createRuntime", hooks.CreateRuntime),
            ("createContainer", hooks.CreateContainer), ("startContainer", hooks.StartContainer),
            ("poststart", hooks.Poststart), ("poststop", hooks.Poststop),
        ];
        foreach (var (name, list) in all)
        {
            for (var i = 0; i < (list?.Length ?? 0); i++)
            {
                var hook = list![i];
                if (!IsAbsolute(hook.Path))
                    add($"hooks.{name}[{i}].path", $"must be an absolute path, got \"{hook.Path}\"");
                if (hook.Timeout is <= 0)
                    add($"hooks.{name}[{i}].timeout", "must be greater than 0");
            }
        }
    }

    private static void CheckDevices(LinuxDevice[]? devices, Action<string, string> add)
    {
        for (var i = 0; i < (devices?.Length ?? 0); i++)
        {
            var d = devices![i];
            if (!SemanticNames.DeviceTypes.Contains(d.Type))
                add($"linux.devices[{i}].type", $"unknown device type \"{d.Type}\" (c, b, u or p)");
            // The model decodes a missing number as 0, and 0:0 names no
            // character or block device, so it stands for "not given".
            else if (d.Type != "p" && d.Major == 0 && d.Minor == 0)
                add($"linux.devices[{i}]", $"type \"{d.Type}\" needs major and minor numbers");
            if (!IsUnderDev(d.Path))
                add($"linux.devices[{i}].path", $"must be an absolute path under /dev, got \"{d.Path}\"");
        }
    }

    private static void CheckDeviceRules(DeviceCgroup[]? rules, Action<string, string> add)
    {
        for (var i = 0; i < (rules?.Length ?? 0); i++)
        {
            var rule = rules![i];
            if (rule.Type is not (null or "" or "a" or "c" or "b"))
                add($"linux.resources.devices[{i}].type", $"unknown type \"{rule.Type}\" (a, c or b)");
            if (rule.Access is { } access && !access.All(ch => ch is 'r' or 'w' or 'm'))
                add($"linux.resources.devices[{i}].access", $"\"{access}\" may only contain r, w and m");
        }
    }

    private static void CheckSysctl(Dictionary<string, string>? sysctl, Dictionary<string, string> namespaces, Action<string, string> add)
    {
        if (sysctl is null)
            return;
        foreach (var key in sysctl.Keys.Order(StringComparer.Ordinal))
        {
            var path = $"linux.sysctl[\"{key}\"]";
            if (IpcSysctls.Contains(key) || key.StartsWith("fs.mqueue.", StringComparison.Ordinal))
            {
                if (!namespaces.ContainsKey("ipc"))
                    add(path, "requires an ipc namespace");
            }
            else if (key.StartsWith("net.", StringComparison.Ordinal))
            {
                if (!namespaces.ContainsKey("network"))
                    add(path, "requires a network namespace");
            }
            else if (key == "kernel.hostname")
            {
                // Namespaced, but two sources for one value would race;
                // runc refuses it the same way.
                add(path, "not allowed, use the hostname field");
            }
            else if (key == "kernel.domainname")
            {
                if (!namespaces.ContainsKey("uts"))
                    add(path, "requires a uts namespace");
            }
            else
            {
                // Any other sysctl is global: writing it would change the host.
                add(path, "is not namespaced and cannot be set for a container");
            }
        }
    }

    /// <summary>personality, scheduler, ioPriority, execCPUAffinity: the init plans them again; this reports a bad value before anything is spawned.</summary>
    private static void CheckProcessAttributes(ContainerConfig config, List<string> errors)
    {
        try
        {
            Linux.ProcessAttributes.ProcessAttributesPlanner.Plan(config);
        }
        catch (Linux.RuntimeException e)
        {
            errors.Add(e.Message);
        }
    }

    private static bool IsAbsolute(string path) => path.StartsWith('/');

    /// <summary>Lexically resolves the path and requires it to stay inside /dev (no "/dev/../etc/shadow").</summary>
    private static bool IsUnderDev(string path)
    {
        if (!IsAbsolute(path))
            return false;
        var stack = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (stack.Count > 0)
                    stack.RemoveAt(stack.Count - 1);
                continue;
            }
            stack.Add(part);
        }
        return stack.Count >= 2 && stack[0] == "dev";
    }
}
