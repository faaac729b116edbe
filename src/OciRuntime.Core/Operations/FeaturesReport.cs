using System;
using System.Collections.Generic;
using System.Linq;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;
using OciRuntime.Core.Validation;

namespace OciRuntime.Core.Operations;

/// <summary>
/// `features` (runtime-spec features.md): derived from the tables the
/// runtime itself uses, so the document cannot promise what the planners
/// refuse. Engines switch features on from it (containerd: rro mounts,
/// idmap mounts, user namespaces for Kubernetes pods).
/// </summary>
public static class FeaturesReport
{
    public const string OciVersionMin = "1.0.0";

    public static Features Build(string specVersion, string runtimeVersion)
    {
        var probe = new ContainerConfig();
        return new Features
        {
            OciVersionMin = OciVersionMin,
            OciVersionMax = specVersion,
            Hooks = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
            MountOptions = MountOptions(),
            Linux = new LinuxFeatures
            {
                Namespaces = Enum.GetValues<NamespaceKind>().Select(NamespaceName).Order(StringComparer.Ordinal).ToArray(),
                Capabilities = [.. CapabilityNames.All],
                Cgroup = new CgroupFeatures { V1 = true, V2 = true, Systemd = true, SystemdUser = false, Rdma = false },
                Seccomp = new SeccompFeatures
                {
                    Enabled = true,
                    Actions = Sorted(SeccompActions.ByName.Keys),
                    Operators = Sorted(SeccompOperators.ByName.Keys),
                    Archs = Sorted(SeccompArchitectures.ByName.Keys),
                    KnownFlags = Sorted(SeccompFilterFlags.ByName.Keys),
                    SupportedFlags = Sorted(SeccompFilterFlags.ByName.Keys),
                },
                Apparmor = new EnabledFeature { Enabled = !Refused("process.apparmorProfile") },
                Selinux = new EnabledFeature { Enabled = !Refused("process.selinuxLabel") },
                IntelRdt = new EnabledFeature { Enabled = !Refused("linux.intelRdt") },
                NetDevices = new EnabledFeature { Enabled = !Refused("linux.netDevices") },
                MountExtensions = new MountExtensionsFeatures
                {
                    Idmap = new EnabledFeature { Enabled = !MountOptionTable.Unsupported.Contains("idmap") && !Refused("mounts[].uidMappings") },
                },
            },
            Annotations = new Dictionary<string, string>
            {
                ["org.opencontainers.runtime-spec.version"] = specVersion,
                ["io.github.ociruntime.version"] = runtimeVersion,
            },
        };
    }

    private static string[] MountOptions()
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { "bind", "rbind" };
        all.UnionWith(MountOptionTable.Flags.Keys);
        all.UnionWith(MountOptionTable.Propagation.Keys);
        all.UnionWith(MountOptionTable.RecursiveAttributes.Keys);
        all.UnionWith(MountOptionTable.RecursiveAtime.Keys);
        all.UnionWith(MountOptionTable.NoOps);
        all.ExceptWith(MountOptionTable.Unsupported);
        return Sorted(all);
    }

    private static bool Refused(string path)
    {
        foreach (var f in UnsupportedFields.All)
            if (f.Path == path)
                return true;
        return false;
    }

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    public static string NamespaceName(NamespaceKind kind) => kind switch
    {
        NamespaceKind.Mount => "mount",
        NamespaceKind.Uts => "uts",
        NamespaceKind.Ipc => "ipc",
        NamespaceKind.User => "user",
        NamespaceKind.Pid => "pid",
        NamespaceKind.Network => "network",
        NamespaceKind.Cgroup => "cgroup",
        NamespaceKind.Time => "time",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
