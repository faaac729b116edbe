using System.IO;
using NUnit.Framework;
using OciRuntime.Core.Init;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Init;

public class SyncSocketTests
{
    [Test]
    public void APeerGoneWithOurMessagesUnreadReadsAsGone()
    {
        // The init can die before it reads what the runtime sent (a cgroup
        // message after its request): the kernel then resets the connection.
        var (runtime, init) = SyncSocket.CreatePair();
        using (runtime)
        {
            runtime.Send("len 3");
            runtime.Send("abc");
            init.Dispose();
            Assert.That(runtime.Receive(), Is.Null);
        }
    }

    [Test]
    public void APeerGoneAfterReadingReadsAsGone()
    {
        var (runtime, init) = SyncSocket.CreatePair();
        using (runtime)
        {
            runtime.Send("go");
            Assert.That(init.ReceiveString(), Is.EqualTo("go"));
            init.Dispose();
            Assert.That(runtime.Receive(), Is.Null);
        }
    }

    [Test]
    public void DescriptorsCarryTheirWord()
    {
        var (runtime, init) = SyncSocket.CreatePair();
        using (runtime)
        using (init)
        {
            var file = Path.GetTempFileName();
            try
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Write);
                FdChannel.Send(runtime, "fds", [(int)handle.DangerousGetHandle()]);
                var e = Assert.Throws<RuntimeException>(() => FdChannel.Receive(init, "mountfds", 1, "id-mapped mounts"));
                Assert.That(e!.Message, Is.EqualTo("sync socket: expected 1 id-mapped mounts, got \"fds 1\" with 1 descriptors"));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
