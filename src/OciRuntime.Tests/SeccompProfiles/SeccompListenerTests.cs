using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Seccomp;

namespace OciRuntime.Tests.SeccompProfiles;

public class SeccompListenerTests
{
    private const string State = "{\"ociVersion\":\"1.3.0\",\"id\":\"c1\",\"status\":\"creating\",\"pid\":42,\"bundle\":\"/b\"}";

    [Test]
    public void ProcessStateHasTheSpecFieldsAndTheStateVerbatim()
    {
        using var doc = JsonDocument.Parse(SeccompListener.ProcessState("1.3.0", 42, "MKNOD=/dev/null", State));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("ociVersion").GetString(), Is.EqualTo("1.3.0"));
        Assert.That(root.GetProperty("fds").GetArrayLength(), Is.EqualTo(1));
        Assert.That(root.GetProperty("fds")[0].GetString(), Is.EqualTo("seccompFd"));
        Assert.That(root.GetProperty("pid").GetInt32(), Is.EqualTo(42));
        Assert.That(root.GetProperty("metadata").GetString(), Is.EqualTo("MKNOD=/dev/null"));
        Assert.That(root.GetProperty("state").GetRawText(), Is.EqualTo(State));
        using var bare = JsonDocument.Parse(SeccompListener.ProcessState("1.3.0", 1, null, State));
        Assert.That(bare.RootElement.TryGetProperty("metadata", out _), Is.False);
    }

    [Test]
    public void ADescriptorCrossesASocketPair()
    {
        var (a, b) = SyncSocket.CreatePair();
        using var _a = a;
        using var _b = b;
        using var file = File.OpenRead("/proc/self/status");
        int fd = (int)file.SafeFileHandle.DangerousGetHandle();
        ScmRights.Send(a.Fd, "x"u8, fd, "send");
        int received = ScmRights.Receive(b.Fd, "receive");
        try
        {
            Assert.That(received, Is.Not.EqualTo(fd));
            Assert.That(File.ReadAllText($"/proc/self/fdinfo/{received}"), Does.Contain("flags:\t02"), "close-on-exec");
            Assert.That(new FileInfo($"/proc/self/fd/{received}").LinkTarget, Does.EndWith("/status"));
        }
        finally
        {
            Libc.Close(received);
        }
        a.Send("plain"u8);
        Assert.Throws<RuntimeException>(() => ScmRights.Receive(b.Fd, "receive"));
    }

    [Test]
    public async Task TheAgentGetsOneConnectionWithStateAndFd()
    {
        string dir = Directory.CreateTempSubdirectory("ociruntime-listener").FullName;
        string path = Path.Combine(dir, "agent.sock");
        try
        {
            using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            server.Bind(new UnixDomainSocketEndPoint(path));
            server.Listen(1);
            var accept = Task.Run(() =>
            {
                using var conn = server.Accept();
                int fd = ScmRights.Receive((int)conn.Handle, "agent receive");
                var rest = new byte[65536];
                int total = 0, n;
                while ((n = conn.Receive(rest, total, rest.Length - total, SocketFlags.None)) > 0)
                    total += n;
                string target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget ?? "";
                Libc.Close(fd);
                return (total, target);
            });
            using var file = File.OpenRead("/proc/self/status");
            SeccompListener.Send(path, "meta", 42, "1.3.0", State, (int)file.SafeFileHandle.DangerousGetHandle());
            var (rest, target) = await accept;
            Assert.That(target, Does.EndWith("/status"));
            // The first recvmsg (256 bytes) took the start of the payload; the
            // rest arrived after it on the same connection, then EOF.
            int length = SeccompListener.ProcessState("1.3.0", 42, "meta", State).Length;
            Assert.That(rest, Is.EqualTo(Math.Max(0, length - 256)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void AnUnreachableAgentIsAnError()
    {
        var e = Assert.Throws<RuntimeException>(() => SeccompListener.Send("/nonexistent/agent.sock", null, 1, "1.3.0", State, 0))!;
        Assert.That(e.Message, Does.StartWith("linux.seccomp.listenerPath: cannot reach the seccomp agent: connect `/nonexistent/agent.sock`"));
    }
}
