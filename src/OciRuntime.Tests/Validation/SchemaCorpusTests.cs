using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace OciRuntime.Tests.Validation;

/// <summary>
/// The project's own config corpus (schemas/fixtures/config/{valid,invalid}):
/// every file must get the same verdict from the official schema and from
/// the project's schema, and that verdict must be the folder's.
/// </summary>
public class SchemaCorpusTests
{
    private static string CorpusDir => Path.Combine(SchemaTestFiles.ProjectFixtureDir, "config");

    public static IEnumerable<TestCaseData> Corpus()
    {
        foreach (var (folder, valid) in new[] { ("valid", true), ("invalid", false) })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(CorpusDir, folder), "*.json").Order(StringComparer.Ordinal))
            {
                yield return new TestCaseData(file, valid).SetName($"Corpus {folder}/{Path.GetFileName(file)}");
            }
        }
    }

    [TestCaseSource(nameof(Corpus))]
    public void OfficialAndProjectSchemasAgree(string file, bool valid)
    {
        var official = SchemaTestFiles.ValidateFile(SchemaTestFiles.Official, "config-schema.json", file);
        var project = SchemaTestFiles.ValidateFile(SchemaTestFiles.Project, "config-schema.json", file);
        string detail = "official:\n" + string.Join("\n", official) + "\nproject:\n" + string.Join("\n", project);
        Assert.Multiple(() =>
        {
            Assert.That(official.Count == 0, Is.EqualTo(valid), detail);
            Assert.That(project.Count == 0, Is.EqualTo(valid), detail);
        });
    }

    /// <summary>Each invalid file breaks one thing, so the project reports exactly one error for it.</summary>
    [TestCaseSource(nameof(Corpus))]
    public void InvalidFilesFailForOneReason(string file, bool valid)
    {
        var project = SchemaTestFiles.ValidateFile(SchemaTestFiles.Project, "config-schema.json", file);
        Assert.That(project, Has.Count.EqualTo(valid ? 0 : 1), string.Join("\n", project));
    }

    [Test]
    public void CorpusIsLargeAndTouchesEveryConfigArea()
    {
        var files = Corpus().Select(c => Path.GetFileName((string)c.Arguments[0]!)).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(100));
        string[] areas =
        [
            "root", "mount", "process", "user", "capabilities", "rlimit", "hook", "namespace", "uid-mapping", "gid-mapping",
            "device", "net-device", "sysctl", "memory", "cpu", "blockio", "hugepage", "network", "pids", "rdma", "unified",
            "device-cgroup", "seccomp", "masked-paths", "readonly-paths", "intel-rdt", "memory-policy", "personality",
            "time-offset", "scheduler", "iopriority", "exec-cpu-affinity", "console-size", "annotations", "rootfs-propagation",
            "oom-score-adj", "mount-label", "cgroups-path", "apparmor", "selinux", "no-new-privileges", "hostname", "domainname",
        ];
        Assert.That(areas.Where(a => !files.Any(f => f.Contains(a, StringComparison.Ordinal))), Is.Empty);
    }
}
