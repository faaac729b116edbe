using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;

namespace OciRuntime.Tests.ProcessAttributes;

public class SysctlTests
{
    [TestCase("net.ipv4.ip_forward", "/proc/sys/net/ipv4/ip_forward")]
    [TestCase("kernel.shmmax", "/proc/sys/kernel/shmmax")]
    [TestCase("fs.mqueue.queues_max", "/proc/sys/fs/mqueue/queues_max")]
    [TestCase("net.ipv4.conf.all.src_valid_mark", "/proc/sys/net/ipv4/conf/all/src_valid_mark")]
    public void MapsDotsToPath(string key, string path) => Assert.That(Sysctl.PathFor(key), Is.EqualTo(path));

    [TestCase("")]
    [TestCase("..")]
    [TestCase("...")]
    [TestCase("net..ipv4")]
    [TestCase(".net.ipv4")]
    [TestCase("net.ipv4.")]
    [TestCase("net/ipv4/ip_forward")]
    [TestCase("../../etc/passwd")]
    [TestCase("kernel.../../../etc/shadow")]
    [TestCase("/etc/passwd")]
    [TestCase("net.ipv4 .x")]
    [TestCase("net.\0x")]
    public void RejectsKeysThatAreNotDottedNames(string key) =>
        Assert.Throws<RuntimeException>(() => Sysctl.PathFor(key));

    [Test]
    public void ErrorNamesTheKey()
    {
        var e = Assert.Throws<RuntimeException>(() => Sysctl.PathFor("a/../b"));
        Assert.That(e!.Message, Is.EqualTo("config.json: linux.sysctl: invalid key \"a/../b\""));
    }
}
