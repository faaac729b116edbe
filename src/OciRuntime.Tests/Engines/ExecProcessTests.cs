using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Engines;

public class ExecProcessTests
{
    private static readonly Process Container = new()
    {
        Terminal = true,
        ConsoleSize = new ConsoleSize { Height = 10, Width = 20 },
        Args = ["sleep", "100"],
        Env = ["PATH=/bin", "A=1"],
        Cwd = "/",
        User = new User { Uid = 0, Gid = 7, AdditionalGids = [3] },
        Capabilities = new Capabilities { Bounding = ["CAP_CHOWN"], Effective = ["CAP_CHOWN"], Permitted = ["CAP_CHOWN"] },
        NoNewPrivileges = true,
        OomScoreAdj = 100,
    };

    [Test]
    public void FlagsOverrideOrExtendTheContainersProcess()
    {
        var p = ExecProcess.Build(Container, new ExecOptions
        {
            Args = ["sh", "-c", "x"],
            Env = ["B=2"],
            Cwd = "/tmp",
            User = "1000",
            AdditionalGids = [5],
            Caps = ["CAP_KILL"],
        });
        Assert.That(p.Args, Is.EqualTo(new[] { "sh", "-c", "x" }));
        Assert.That(p.Env, Is.EqualTo(new[] { "PATH=/bin", "A=1", "B=2" }));
        Assert.That(p.Cwd, Is.EqualTo("/tmp"));
        Assert.That((p.User.Uid, p.User.Gid), Is.EqualTo((1000u, 7u)), "gid stays when --user has none");
        Assert.That(p.User.AdditionalGids, Is.EqualTo(new uint[] { 3, 5 }));
        Assert.That(p.Capabilities!.Bounding, Is.EqualTo(new[] { "CAP_CHOWN", "CAP_KILL" }));
        Assert.That(p.Capabilities.Ambient, Is.Null, "no ambient without an inheritable set");
        Assert.That(p.Terminal, Is.False, "the container's terminal is not inherited");
        Assert.That(p.ConsoleSize, Is.Null);
        Assert.That(p.NoNewPrivileges, Is.True);
        Assert.That(p.OomScoreAdj, Is.Null);
    }

    [Test]
    public void TtyUserWithGidAndNoNewPrivsFalse()
    {
        var p = ExecProcess.Build(Container, new ExecOptions { Args = ["sh"], Tty = true, User = "5:6", NoNewPrivileges = false });
        Assert.That(p.Terminal, Is.True);
        Assert.That((p.User.Uid, p.User.Gid), Is.EqualTo((5u, 6u)));
        Assert.That(p.NoNewPrivileges, Is.False);
    }

    [Test]
    public void CapsReachAmbientWhenTheConfigHasInheritable()
    {
        var withInh = Container with { Capabilities = Container.Capabilities! with { Inheritable = [] } };
        var p = ExecProcess.Build(withInh, new ExecOptions { Args = ["sh"], Caps = ["CAP_KILL"] });
        Assert.That(p.Capabilities!.Ambient, Is.EqualTo(new[] { "CAP_KILL" }));
    }

    [TestCase("abc")]
    [TestCase("1:x")]
    [TestCase("-1")]
    public void BadUserIsAnError(string user) =>
        Assert.Throws<RuntimeException>(() => ExecProcess.Build(Container, new ExecOptions { Args = ["sh"], User = user }));

    [Test]
    public void NoArgsIsAnError() =>
        Assert.That(Assert.Throws<RuntimeException>(() => ExecProcess.Build(Container, new ExecOptions()))!.Message,
            Is.EqualTo("process args cannot be empty"));

    [Test]
    public void ProcessFileReplacesEverything()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path, """{"args":["id"],"cwd":"/x","user":{"uid":3,"gid":4},"terminal":true}""");
            var p = ExecProcess.Build(Container, new ExecOptions { ProcessFile = path, Args = ["ignored"], Env = ["X=1"] });
            Assert.That(p.Args, Is.EqualTo(new[] { "id" }));
            Assert.That(p.Env, Is.Null);
            Assert.That(p.Terminal, Is.True);
            Assert.That(p.User.Uid, Is.EqualTo(3u));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
