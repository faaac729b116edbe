using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.SeccompProfiles;

/// <summary>The name tables against the installed headers (libseccomp-dev, linux-libc-dev), an oracle independent of the runtime.</summary>
public class SeccompTablesTests
{
    private const string LibseccompHeader = "/usr/include/seccomp.h";
    private const string KernelHeader = "/usr/include/linux/seccomp.h";

    private static string Header(string path)
    {
        if (!File.Exists(path))
            Assert.Ignore($"{path} not installed");
        return File.ReadAllText(path);
    }

    [Test]
    public void ActionsMatchSeccompH()
    {
        var text = Header(LibseccompHeader);
        foreach (var (name, value) in SeccompActions.ByName)
        {
            var m = Regex.Match(text, @"#define\s+" + name + @"(\(x\))?\s+\(?(0x[0-9a-fA-F]+)U?");
            uint expected;
            if (m.Success)
                expected = uint.Parse(m.Groups[2].Value[2..], NumberStyles.HexNumber);
            else if (Regex.Match(text, @"#define\s+" + name + @"\s+(SCMP_ACT_[A-Z_]+)") is { Success: true } alias)
                expected = SeccompActions.ByName[alias.Groups[1].Value];
            else
                throw new AssertionException($"{name} not in {LibseccompHeader}");
            Assert.That(value, Is.EqualTo(expected), name);
        }
    }

    [Test]
    public void OperatorsMatchSeccompH()
    {
        var text = Header(LibseccompHeader);
        Assert.That(SeccompOperators.ByName, Has.Count.EqualTo(7));
        foreach (var (name, value) in SeccompOperators.ByName)
        {
            var m = Regex.Match(text, @"\b" + name + @"\s*=\s*(\d+)");
            Assert.That(m.Success, name);
            Assert.That(value, Is.EqualTo(int.Parse(m.Groups[1].Value)), name);
        }
    }

    [Test]
    public void FilterFlagsMatchLinuxSeccompH()
    {
        var text = Header(KernelHeader);
        foreach (var (name, value) in SeccompFilterFlags.ByName)
        {
            var m = Regex.Match(text, @"#define\s+" + name + @"\s+\(1UL << (\d+)\)");
            Assert.That(m.Success, name);
            Assert.That(value, Is.EqualTo(1u << int.Parse(m.Groups[1].Value)), name);
        }
    }

    [Test]
    public void ArchitectureNamesMatchSeccompH()
    {
        var text = Header(LibseccompHeader);
        var defined = new HashSet<string>();
        foreach (Match m in Regex.Matches(text, @"#define\s+(SCMP_ARCH_[A-Z0-9_]+)\s"))
            defined.Add(m.Groups[1].Value);
        foreach (var (name, token) in SeccompArchitectures.ByName)
        {
            // Newer architectures than the installed libseccomp are allowed to be missing.
            if (defined.Contains(name))
                Assert.That(token, Is.EqualTo(name["SCMP_ARCH_".Length..].ToLowerInvariant()), name);
        }
        Assert.That(defined, Does.Contain("SCMP_ARCH_X86_64"));
    }
}
