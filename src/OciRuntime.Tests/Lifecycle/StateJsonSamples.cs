using System.Collections.Generic;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Lifecycle;

/// <summary>
/// Records and views whose JSON, as the source-generated serializer wrote it,
/// is committed under Fixtures/: the hand-written codec must read those files
/// and write the same bytes.
/// </summary>
public static class StateJsonSamples
{
    public static IEnumerable<(string Name, ContainerRecord Record)> Records()
    {
        yield return ("full", new ContainerRecord
        {
            OciVersion = "1.3.0",
            Id = "full-1",
            InitPid = 4242,
            InitStartTime = 18446744073709551000UL,
            Bundle = "/b/ünï cödé",
            Rootfs = "/b/rootfs",
            Created = "2024-01-02T03:04:05.123456789Z",
            Owner = "root",
            Annotations = new Dictionary<string, string>
            {
                ["a"] = "b",
                ["html"] = "<tag attr='x'> & \"q\" + \\ /",
                ["ctl"] = "line1\nline2\ttab\u0001\u007f",
                ["ünï"] = "日本語 😀",
                ["empty"] = "",
            },
            CgroupsPath = "/x/y",
            SystemdCgroup = true,
            NamespacePaths = new Dictionary<string, string> { ["network"] = "/proc/4242/ns/net", ["pid"] = "/proc/4242/ns/pid" },
            HasPidNamespace = true,
            Hooks = new Hooks
            {
                Prestart = [new Hook { Path = "/bin/pre" }],
                CreateRuntime = [new Hook { Path = "/bin/cr", Args = ["cr", "1"] }, new Hook { Path = "/bin/cr2", Env = ["X=y"] }],
                CreateContainer = [new Hook { Path = "/bin/cc", Timeout = 0 }],
                StartContainer = [],
                Poststart = [new Hook { Path = "/bin/ps", Args = [], Env = [], Timeout = -5 }],
                Poststop = [new Hook { Path = "/bin/true", Args = ["true", "x"], Env = ["A=1"], Timeout = 3 }],
            },
            Creating = false,
        });
        yield return ("provisional", new ContainerRecord
        {
            OciVersion = "1.0.2",
            Id = "prov",
            InitPid = 0,
            Bundle = "/bundle",
            Rootfs = "/bundle/rootfs",
            Created = "2026-11-30T23:47:47.000000001Z",
            CgroupsPath = "/ocibench/x",
            Creating = true,
        });
        yield return ("minimal", new ContainerRecord { Id = "m", Creating = true });
        yield return ("empty-maps", new ContainerRecord
        {
            OciVersion = "1.3.0",
            Id = "e",
            InitPid = int.MaxValue,
            InitStartTime = 0,
            Owner = "",
            Annotations = new Dictionary<string, string>(),
            NamespacePaths = new Dictionary<string, string>(),
            Hooks = new Hooks(),
        });
    }

    public static IEnumerable<(string Name, StateView View)> Views()
    {
        yield return ("running", new StateView
        {
            OciVersion = "1.0.2",
            Id = "c1",
            Pid = 1234,
            Status = "running",
            Bundle = "/b/ünï",
            Rootfs = "/b/rootfs",
            Created = "2024-01-02T03:04:05.123456789Z",
            Owner = "root",
            Annotations = new Dictionary<string, string> { ["org.x"] = "<&>", ["z"] = "\"" },
        });
        yield return ("stopped-no-annotations", new StateView
        {
            OciVersion = "1.3.0",
            Id = "c2",
            Pid = 0,
            Status = "stopped",
            Bundle = "/b",
            Rootfs = "/b/rootfs",
            Created = "2024-01-02T03:04:05Z",
            Owner = "",
        });
        yield return ("empty-annotations", new StateView { Id = "c3", Status = "created", Annotations = new Dictionary<string, string>() });
    }

    public static IEnumerable<StateView> ViewList()
    {
        foreach (var (_, v) in Views())
            yield return v;
    }
}
