using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Lifecycle;

[SupportedOSPlatform("linux")]
public class StateStoreTests
{
    private string _tmp = "";
    private StateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = Directory.CreateTempSubdirectory("lc-store-").FullName;
        _store = new StateStore(Path.Combine(_tmp, "root"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_tmp, recursive: true);

    private static ContainerRecord Sample(string id) => new()
    {
        OciVersion = "1.3.0",
        Id = id,
        InitPid = 4242,
        InitStartTime = 18446744073709551000UL,
        Bundle = "/b",
        Rootfs = "/b/rootfs",
        Created = "2024-01-02T03:04:05.123456789Z",
        Owner = "root",
        Annotations = new Dictionary<string, string> { ["a"] = "b" },
        CgroupsPath = "/x/y",
        NamespacePaths = new Dictionary<string, string> { ["network"] = "/proc/4242/ns/net", ["pid"] = "/proc/4242/ns/pid" },
        HasPidNamespace = true,
        Hooks = new Hooks { Poststop = [new Hook { Path = "/bin/true", Args = ["true", "x"], Env = ["A=1"], Timeout = 3 }] },
    };

    [Test]
    public void SaveLoadRoundTripsEveryField()
    {
        using (_store.Create("c1"))
            _store.Save(Sample("c1"));
        var loaded = _store.Load("c1");
        var expected = Sample("c1");
        Assert.That(loaded with { Annotations = null, NamespacePaths = null, Hooks = null },
            Is.EqualTo(expected with { Annotations = null, NamespacePaths = null, Hooks = null }));
        Assert.That(loaded.Annotations, Is.EquivalentTo(expected.Annotations!));
        Assert.That(loaded.NamespacePaths, Is.EquivalentTo(expected.NamespacePaths!));
        var hook = loaded.Hooks!.Poststop![0];
        Assert.That((hook.Path, hook.Args, hook.Env, hook.Timeout), Is.EqualTo(("/bin/true", new[] { "true", "x" }, new[] { "A=1" }, (int?)3)));
    }

    [Test]
    public void StateFileUsesStableFieldNames()
    {
        using (_store.Create("c1"))
            _store.Save(Sample("c1"));
        var text = File.ReadAllText(_store.StatePath("c1"));
        foreach (var name in new[] { "\"initPid\":4242", "\"initStartTime\":18446744073709551000", "\"cgroupsPath\"", "\"namespacePaths\"", "\"hasPidNamespace\":true", "\"poststop\"", "\"ociVersion\":\"1.3.0\"" })
            Assert.That(text, Does.Contain(name));
    }

    [Test]
    public void SaveReplacesAtomicallyAndLeavesNoTempFiles()
    {
        using (_store.Create("c1"))
        {
            _store.Save(Sample("c1"));
            _store.Save(Sample("c1") with { InitPid = 7 });
        }
        Assert.That(_store.Load("c1").InitPid, Is.EqualTo(7));
        var names = Directory.GetFiles(_store.ContainerDir("c1"));
        Assert.That(Array.ConvertAll(names, Path.GetFileName), Is.EquivalentTo(new[] { StateStore.StateFileName, StateStore.LockFileName }));
    }

    [Test]
    public void CreateTwiceFailsWithRuncText()
    {
        using var first = _store.Create("c1");
        var e = Assert.Throws<RuntimeException>(() => _store.Create("c1"));
        Assert.That(e!.Message, Is.EqualTo("container with given ID already exists"));
    }

    [Test]
    public void LoadOfUnknownIdDoesNotExist()
    {
        var e = Assert.Throws<RuntimeException>(() => _store.Load("nosuch"));
        Assert.That(e!.Message, Is.EqualTo("container does not exist"));
    }

    [Test]
    public void LockOfUnknownIdDoesNotExist()
    {
        var e = Assert.Throws<RuntimeException>(() => _store.Lock("nosuch", LockMode.Shared));
        Assert.That(e!.Message, Is.EqualTo("container does not exist"));
    }

    [Test]
    public void InvalidIdIsRejectedBeforeTouchingDisk()
    {
        var e = Assert.Throws<RuntimeException>(() => _store.Create("../escape"));
        Assert.That(e!.Message, Is.EqualTo("invalid container ID format"));
        Assert.That(Directory.Exists(Path.Combine(_tmp, "escape")), Is.False);
    }

    [Test]
    public void ModesMatchRunc()
    {
        using (_store.Create("c1"))
        {
            _store.Save(Sample("c1"));
            _store.CreateExecFifo("c1");
        }
        Assert.That(File.GetUnixFileMode(_store.Root), Is.EqualTo((UnixFileMode)Convert.ToInt32("700", 8)));
        Assert.That(File.GetUnixFileMode(_store.ContainerDir("c1")), Is.EqualTo((UnixFileMode)Convert.ToInt32("711", 8)));
        Assert.That(File.GetUnixFileMode(_store.StatePath("c1")), Is.EqualTo((UnixFileMode)Convert.ToInt32("600", 8)));
        Assert.That(File.GetUnixFileMode(_store.ExecFifoPath("c1")), Is.EqualTo((UnixFileMode)Convert.ToInt32("622", 8)));
    }

    [Test]
    public void ExecFifoIsAFifo()
    {
        using (_store.Create("c1"))
            _store.CreateExecFifo("c1");
        var info = new FileInfo(_store.ExecFifoPath("c1"));
        Assert.That(info.Exists, Is.True);
        Assert.That(info.Length, Is.EqualTo(0));
        Assert.That(Path.GetFileName(info.FullName), Is.EqualTo("exec.fifo"));
        var e = Assert.Throws<SyscallException>(() => _store.CreateExecFifo("c1"));
        Assert.That(e!.Message, Does.StartWith("mkfifo `"));
    }

    [Test]
    public void ListIsSortedAndSkipsStrayEntries()
    {
        foreach (var id in new[] { "b", "a", "C", "a.1" })
            _store.Create(id).Dispose();
        File.WriteAllText(Path.Combine(_store.Root, "file"), "");
        Directory.CreateDirectory(Path.Combine(_store.Root, "bad name"));
        Assert.That(_store.List(), Is.EqualTo(new[] { "C", "a", "a.1", "b" }));
    }

    [Test]
    public void ListOfMissingRootIsEmpty()
    {
        Assert.That(new StateStore(Path.Combine(_tmp, "none")).List(), Is.Empty);
    }

    [Test]
    public void RemoveAlsoTakesFilesItDidNotWrite()
    {
        using (var l = _store.Create("c1"))
        {
            _store.Save(Sample("c1"));
            _store.WriteAtomic("c1", StateStore.ConfigFileName, "{}"u8.ToArray());
            var dir = _store.ContainerDir("c1");
            File.WriteAllText(Path.Combine(dir, ".state.json.tmp"), "x");
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            File.WriteAllText(Path.Combine(dir, "sub", "f"), "y");
            Assert.That(_store.Remove("c1"), Is.True);
            Assert.That(Directory.Exists(dir), Is.False);
        }
        Assert.That(_store.Exists("c1"), Is.False);
    }

    [Test]
    public void RemoveDeletesTheWholeDirectory()
    {
        using (var l = _store.Create("c1"))
        {
            _store.Save(Sample("c1"));
            _store.CreateExecFifo("c1");
            Assert.That(_store.Remove("c1"), Is.True);
        }
        Assert.That(_store.Exists("c1"), Is.False);
        Assert.That(_store.Remove("c1"), Is.False);
        Assert.That(_store.List(), Is.Empty);
    }

    [Test]
    public void ExclusiveLockBlocksOthersUntilReleased()
    {
        var held = _store.Create("c1");
        var waiter = Task.Run(() => _store.Lock("c1", LockMode.Shared));
        Assert.That(waiter.Wait(300), Is.False, "shared lock granted while an exclusive one is held");
        held.Dispose();
        Assert.That(waiter.Wait(5000), Is.True);
        waiter.Result.Dispose();
    }

    [Test]
    public void SharedLocksCoexistButExcludeWriters()
    {
        _store.Create("c1").Dispose();
        using var a = _store.Lock("c1", LockMode.Shared);
        var b = Task.Run(() => _store.Lock("c1", LockMode.Shared));
        Assert.That(b.Wait(5000), Is.True);
        var writer = Task.Run(() => _store.Lock("c1", LockMode.Exclusive));
        Assert.That(writer.Wait(300), Is.False);
        b.Result.Dispose();
        Assert.That(writer.Wait(300), Is.False);
        a.Dispose();
        Assert.That(writer.Wait(5000), Is.True);
        Assert.That(writer.Result.Mode, Is.EqualTo(LockMode.Exclusive));
        writer.Result.Dispose();
    }

    [Test]
    public void WaiterSeesContainerRemovedWhileItWaited()
    {
        var held = _store.Create("c1");
        var waiter = Task.Run(() => _store.Lock("c1", LockMode.Exclusive));
        Assert.That(waiter.Wait(300), Is.False);
        _store.Remove("c1");
        held.Dispose();
        var e = Assert.Throws<AggregateException>(() => waiter.Wait(5000));
        Assert.That(e!.InnerException, Is.TypeOf<RuntimeException>().With.Message.EqualTo("container does not exist"));
    }

    [Test]
    public void WaiterFollowsARecreatedContainer()
    {
        var held = _store.Create("c1");
        var waiter = Task.Run(() => _store.Lock("c1", LockMode.Shared));
        Assert.That(waiter.Wait(300), Is.False);
        _store.Remove("c1");
        var again = _store.Create("c1");
        held.Dispose();
        // The waiter now holds a dead file's lock, sees it, and queues on the new one.
        Assert.That(waiter.Wait(300), Is.False);
        again.Dispose();
        Assert.That(waiter.Wait(5000), Is.True);
        waiter.Result.Dispose();
    }

    [TestCase(true, "/run/user/1000", "/run/ociruntime")]
    [TestCase(false, "/run/user/1000", "/run/user/1000/ociruntime")]
    [TestCase(false, null, "/run/ociruntime")]
    [TestCase(false, "", "/run/ociruntime")]
    public void DefaultRoot(bool isRoot, string? xdg, string expected)
    {
        Assert.That(StateStore.DefaultRoot(isRoot, xdg), Is.EqualTo(expected));
    }
}
