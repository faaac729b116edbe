using NUnit.Framework;
using OciRuntime.Core.Init;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.Terminal;

namespace OciRuntime.Tests.Engines;

public class TerminalTests
{
    [Test]
    public unsafe void FdPassingCarriesOneDescriptorAndThePayload()
    {
        var (a, b) = SyncSocket.CreatePair();
        using (a)
        using (b)
        {
            int fd = Libc.Open("/dev/null", Flags.O_RDONLY | Flags.O_CLOEXEC, 0);
            Assert.That(fd, Is.GreaterThan(2));
            FdPassing.Send(a.Fd, fd, ConsoleSocket.MasterName);
            var (got, payload) = FdPassing.Receive(b.Fd);
            try
            {
                Assert.That(payload, Is.EqualTo("/dev/ptmx"));
                Assert.That(got, Is.Not.EqualTo(fd));
                Libc.Fstat(fd, out StatBuf s1);
                Libc.Fstat(got, out StatBuf s2);
                Assert.That((s2.Dev, s2.Ino), Is.EqualTo((s1.Dev, s1.Ino)), "the same open file");
            }
            finally
            {
                Libc.Close(fd);
                Libc.Close(got);
            }
        }
    }

    [Test]
    public void ReceiveWithoutADescriptorIsAnError()
    {
        var (a, b) = SyncSocket.CreatePair();
        using (a)
        using (b)
        {
            a.Send("plain");
            Assert.Throws<RuntimeException>(() => FdPassing.Receive(b.Fd));
        }
    }

    [Test]
    public void OnlyPtySlavesMayBecomeTheConsole()
    {
        int fd = Libc.Open("/dev/null", Flags.O_RDONLY | Flags.O_CLOEXEC, 0);
        try
        {
            Assert.Throws<RuntimeException>(() => Pty.EnsurePtySlave(fd));
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    [Test]
    public void AHostPtyPassesTheSlaveCheckAndTakesASize()
    {
        var (master, slave) = Pty.Open();
        try
        {
            Assert.DoesNotThrow(() => Pty.EnsurePtySlave(slave));
            Pty.SetSize(master, 33, 101);
            var ws = Pty.GetSize(slave);
            Assert.That(ws, Is.Not.Null);
            Assert.That((ws!.Value.Rows, ws.Value.Columns), Is.EqualTo(((ushort)33, (ushort)101)));
            Assert.That(Pty.Number(master), Is.GreaterThanOrEqualTo(0));
        }
        finally
        {
            Libc.Close(master);
            Libc.Close(slave);
        }
    }

    [TestCase(true, null, true, "cannot allocate tty if runc will detach without setting console socket")]
    [TestCase(false, "/s", false, "cannot use console socket if runc will not detach or allocate tty")]
    [TestCase(false, "/s", true, "cannot use console socket if runc will not detach or allocate tty")]
    public void RefusedCombinations(bool terminal, string? socket, bool detached, string message) =>
        Assert.That(Assert.Throws<RuntimeException>(() => ConsoleHandoff.CheckOptions(terminal, socket, detached))!.Message, Is.EqualTo(message));

    [TestCase(true, "/s", true)]
    [TestCase(true, null, false)]
    [TestCase(false, null, true)]
    public void AllowedCombinations(bool terminal, string? socket, bool detached) =>
        Assert.DoesNotThrow(() => ConsoleHandoff.CheckOptions(terminal, socket, detached));
}
