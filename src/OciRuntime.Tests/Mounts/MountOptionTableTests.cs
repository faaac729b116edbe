using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Planning;

namespace OciRuntime.Tests.Mounts;

public class MountOptionTableTests
{
    [TestCase("ro", MountFlags.ReadOnly)]
    [TestCase("nosuid", MountFlags.NoSuid)]
    [TestCase("nodev", MountFlags.NoDev)]
    [TestCase("noexec", MountFlags.NoExec)]
    [TestCase("sync", MountFlags.Synchronous)]
    [TestCase("dirsync", MountFlags.DirSync)]
    [TestCase("remount", MountFlags.Remount)]
    [TestCase("mand", MountFlags.MandLock)]
    [TestCase("noatime", MountFlags.NoAtime)]
    [TestCase("nodiratime", MountFlags.NoDirAtime)]
    [TestCase("relatime", MountFlags.RelAtime)]
    [TestCase("strictatime", MountFlags.StrictAtime)]
    [TestCase("lazytime", MountFlags.LazyTime)]
    [TestCase("silent", MountFlags.Silent)]
    [TestCase("iversion", MountFlags.IVersion)]
    [TestCase("nosymfollow", MountFlags.NoSymFollow)]
    public void FlagOptionSetsItsKernelFlag(string option, MountFlags expected)
    {
        var parsed = MountOptionTable.Parse([option], "mounts[0].options");
        Assert.That(parsed.Flags, Is.EqualTo(expected));
        Assert.That(parsed.Data, Is.Empty);
    }

    [TestCase("ro", "rw")]
    [TestCase("nosuid", "suid")]
    [TestCase("nodev", "dev")]
    [TestCase("noexec", "exec")]
    [TestCase("sync", "async")]
    [TestCase("mand", "nomand")]
    [TestCase("noatime", "atime")]
    [TestCase("nodiratime", "diratime")]
    [TestCase("relatime", "norelatime")]
    [TestCase("strictatime", "nostrictatime")]
    [TestCase("lazytime", "nolazytime")]
    [TestCase("silent", "loud")]
    [TestCase("iversion", "noiversion")]
    [TestCase("nosymfollow", "symfollow")]
    public void LaterOppositeOptionClearsTheFlag(string set, string clear)
    {
        Assert.That(MountOptionTable.Parse([set, clear], "x").Flags, Is.EqualTo(MountFlags.None));
        Assert.That(MountOptionTable.Parse([clear, set], "x").Flags, Is.Not.EqualTo(MountFlags.None));
    }

    [Test]
    public void UnknownOptionsGoToTheDataStringInOrder()
    {
        var parsed = MountOptionTable.Parse(["nosuid", "newinstance", "ptmxmode=0666", "noexec", "mode=0620", "gid=5"], "x");
        Assert.That(parsed.Flags, Is.EqualTo(MountFlags.NoSuid | MountFlags.NoExec));
        Assert.That(parsed.Data, Is.EqualTo("newinstance,ptmxmode=0666,mode=0620,gid=5"));
    }

    [TestCase("private", MountFlags.Private)]
    [TestCase("rprivate", MountFlags.Private | MountFlags.Recursive)]
    [TestCase("shared", MountFlags.Shared)]
    [TestCase("rshared", MountFlags.Shared | MountFlags.Recursive)]
    [TestCase("slave", MountFlags.Slave)]
    [TestCase("rslave", MountFlags.Slave | MountFlags.Recursive)]
    [TestCase("unbindable", MountFlags.Unbindable)]
    [TestCase("runbindable", MountFlags.Unbindable | MountFlags.Recursive)]
    public void PropagationIsKeptApartFromFlags(string option, MountFlags expected)
    {
        var parsed = MountOptionTable.Parse(["ro", option], "x");
        Assert.That(parsed.Flags, Is.EqualTo(MountFlags.ReadOnly));
        Assert.That(parsed.Propagation, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void BindAndRbind()
    {
        Assert.That(MountOptionTable.Parse(["bind"], "x"), Has.Property("Bind").True.And.Property("RecursiveBind").False);
        Assert.That(MountOptionTable.Parse(["rbind"], "x"), Has.Property("Bind").True.And.Property("RecursiveBind").True);
    }

    [TestCase("rro", MountAttributes.ReadOnly, MountAttributes.None)]
    [TestCase("rrw", MountAttributes.None, MountAttributes.ReadOnly)]
    [TestCase("rnosuid", MountAttributes.NoSuid, MountAttributes.None)]
    [TestCase("rsuid", MountAttributes.None, MountAttributes.NoSuid)]
    [TestCase("rnodev", MountAttributes.NoDev, MountAttributes.None)]
    [TestCase("rdev", MountAttributes.None, MountAttributes.NoDev)]
    [TestCase("rnoexec", MountAttributes.NoExec, MountAttributes.None)]
    [TestCase("rexec", MountAttributes.None, MountAttributes.NoExec)]
    [TestCase("rnodiratime", MountAttributes.NoDirAtime, MountAttributes.None)]
    [TestCase("rdiratime", MountAttributes.None, MountAttributes.NoDirAtime)]
    [TestCase("rnoatime", MountAttributes.NoAtime, MountAttributes.AtimeMask)]
    [TestCase("ratime", MountAttributes.RelAtime, MountAttributes.AtimeMask)]
    [TestCase("rrelatime", MountAttributes.RelAtime, MountAttributes.AtimeMask)]
    [TestCase("rnorelatime", MountAttributes.StrictAtime, MountAttributes.AtimeMask)]
    [TestCase("rstrictatime", MountAttributes.StrictAtime, MountAttributes.AtimeMask)]
    [TestCase("rnostrictatime", MountAttributes.RelAtime, MountAttributes.AtimeMask)]
    public void RecursiveAttributes(string option, MountAttributes set, MountAttributes clear)
    {
        var parsed = MountOptionTable.Parse([option], "x");
        Assert.That((parsed.AttrSet, parsed.AttrClear), Is.EqualTo((set, clear)));
        Assert.That(parsed.HasRecursiveAttributes, Is.True);
        Assert.That(parsed.Flags, Is.EqualTo(MountFlags.None));
    }

    [Test]
    public void LastRecursiveOptionWins()
    {
        var parsed = MountOptionTable.Parse(["rro", "rrw", "rnoatime", "rstrictatime"], "x");
        Assert.That(parsed.AttrSet, Is.EqualTo(MountAttributes.StrictAtime));
        Assert.That(parsed.AttrClear, Is.EqualTo(MountAttributes.ReadOnly | MountAttributes.AtimeMask));
    }

    [TestCase("tmpcopyup")]
    public void UnsupportedOptionsAreErrorsNamingTheJsonPath(string option)
    {
        var e = Assert.Throws<RuntimeException>(() => MountOptionTable.Parse(["ro", option], "mounts[3].options"));
        Assert.That(e!.Message, Is.EqualTo($"config.json: mounts[3].options: \"{option}\" is not supported yet"));
    }

    [Test]
    public void ExplicitRwIsRemembered()
    {
        Assert.That(MountOptionTable.Parse(["ro", "rw"], "x").ExplicitReadWrite, Is.True);
        Assert.That(MountOptionTable.Parse(["rw", "ro"], "x").ExplicitReadWrite, Is.False);
        Assert.That(MountOptionTable.Parse(["notmpcopyup", "defaults"], "x"), Has.Property("Flags").EqualTo(MountFlags.None).And.Property("Data").Empty);
    }
}
