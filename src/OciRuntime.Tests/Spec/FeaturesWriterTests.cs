using System.Collections.Generic;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Spec;

public class FeaturesWriterTests
{
    private const string Awkward = "a \"q\" \\ é <&> '\u2028\u0001\n\t+`";

    private static Features Report() => FeaturesReport.Build("1.3.0", "9.9.9");

    private static IEnumerable<TestCaseData> Documents()
    {
        yield return new TestCaseData(Report()).SetName("the report the runtime prints");
        yield return new TestCaseData(new Features()).SetName("empty document");
        yield return new TestCaseData(new Features { OciVersionMin = null!, OciVersionMax = null! }).SetName("null versions");
        yield return new TestCaseData(new Features
        {
            OciVersionMin = Awkward,
            OciVersionMax = "1.3.0",
            Hooks = [],
            MountOptions = ["ro", null!, Awkward],
            Linux = new LinuxFeatures(),
            Annotations = [],
        }).SetName("empties, null element, escapes");
        yield return new TestCaseData(Report() with
        {
            Linux = new LinuxFeatures
            {
                Namespaces = [],
                Capabilities = [Awkward],
                Cgroup = new CgroupFeatures { V1 = false, Rdma = true },
                Seccomp = new SeccompFeatures { Enabled = false, Actions = [], Archs = ["SCMP_ARCH_X86_64"] },
                Apparmor = new EnabledFeature(),
                Selinux = new EnabledFeature { Enabled = false },
                MountExtensions = new MountExtensionsFeatures(),
                NetDevices = new EnabledFeature { Enabled = true },
            },
            Annotations = new Dictionary<string, string> { [Awkward] = Awkward, [""] = "", ["k"] = null! },
        }).SetName("partial linux, awkward annotations");
        yield return new TestCaseData(Report() with
        {
            Linux = Report().Linux! with { MountExtensions = new MountExtensionsFeatures { Idmap = new EnabledFeature { Enabled = false } }, IntelRdt = null },
        }).SetName("idmap off, no intelRdt");
    }

    [TestCaseSource(nameof(Documents))]
    public void WritesWhatTheSerializerWrites(Features f) =>
        Assert.That(FeaturesWriter.Write(f), Is.EqualTo(JsonSerializer.Serialize(f, FeaturesJson.Default.Features)));

    [Test]
    public void IndentedWithTwoSpaces()
    {
        var text = FeaturesWriter.Write(Report());
        Assert.That(text, Does.StartWith("{\n  \"ociVersionMin\": \"1.0.0\",\n  \"ociVersionMax\": \"1.3.0\",\n  \"hooks\": [\n    \"prestart\","));
        Assert.That(text, Does.EndWith("\n}"));
    }
}
