using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Operations;

namespace OciRuntime.Tests.Operations;

public class OwnerTests
{
    [Test]
    public void NameFromPasswdOrTheNumber()
    {
        var passwd = Path.GetTempFileName();
        try
        {
            File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/sh\n");
            Assert.That(Owner.Lookup(1000, passwd), Is.EqualTo("bob"));
            Assert.That(Owner.Lookup(0, passwd), Is.EqualTo("root"));
            Assert.That(Owner.Lookup(4242, passwd), Is.EqualTo("4242"));
            Assert.That(Owner.Lookup(0, passwd + ".missing"), Is.EqualTo("0"));
        }
        finally
        {
            File.Delete(passwd);
        }
    }
}
