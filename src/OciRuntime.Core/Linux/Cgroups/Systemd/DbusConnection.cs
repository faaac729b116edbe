using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// A D-Bus connection over an AF_UNIX stream: SASL EXTERNAL authentication,
/// then method calls that wait for their reply, keeping the signals that
/// arrive meanwhile for <see cref="WaitForSignal"/>.
/// </summary>
public sealed class DbusConnection : IDisposable
{
    private readonly int _fd;
    private readonly List<byte> _received = [];
    private readonly List<DbusMessage> _signals = [];
    private uint _serial;

    /// <summary>Takes ownership of a connected stream socket.</summary>
    public DbusConnection(int fd) => _fd = fd;

    /// <summary>Connects to a unix socket path, or with a leading '@' to an abstract socket name.</summary>
    public static unsafe DbusConnection ConnectUnix(string path)
    {
        bool isAbstract = path.StartsWith('@');
        var name = Encoding.UTF8.GetBytes(isAbstract ? path[1..] : path);
        // struct sockaddr_un: sa_family_t, then 108 bytes of path (abstract: a leading NUL, no terminator).
        if (name.Length >= 107)
            throw new RuntimeException($"D-Bus socket `{path}`: path too long for a unix socket");
        int fd = SyscallException.Check(Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0), "socket");
        byte* addr = stackalloc byte[110];
        new Span<byte>(addr, 110).Clear();
        *(ushort*)addr = Libc.AF_UNIX;
        int offset = isAbstract ? 1 : 0;
        name.CopyTo(new Span<byte>(addr + 2 + offset, 108 - offset));
        uint length = (uint)(2 + offset + name.Length + (isAbstract ? 0 : 1));
        int rc;
        do
        {
            rc = Libc.Connect(fd, addr, length);
        } while (rc < 0 && Libc.Errno == Flags.EINTR);
        if (rc < 0)
        {
            int errno = Libc.Errno;
            Libc.Close(fd);
            throw new SyscallException($"connect to D-Bus socket `{path}`", errno);
        }
        return new DbusConnection(fd);
    }

    /// <summary>
    /// SASL EXTERNAL: the server checks the uid against the socket's peer
    /// credentials; the uid goes as hex of its decimal digits (D-Bus
    /// specification, "Authentication Protocol"). A NUL byte comes first.
    /// BEGIN goes with AUTH, before the OK: systemd's server, when it reads
    /// BEGIN and the first message in one read, leaves that message
    /// unprocessed until more bytes arrive; sent this way (as sd-bus clients
    /// do) BEGIN is consumed before any message can follow.
    /// </summary>
    public void Authenticate(uint uid, DateTime deadline)
    {
        var hex = Convert.ToHexString(Encoding.ASCII.GetBytes(uid.ToString(CultureInfo.InvariantCulture))).ToLowerInvariant();
        SendBytes(Encoding.ASCII.GetBytes("\0AUTH EXTERNAL " + hex + "\r\nBEGIN\r\n"));
        var line = ReadLine(deadline);
        if (!line.StartsWith("OK ", StringComparison.Ordinal))
            throw new RuntimeException($"D-Bus authentication as uid {uid} refused: \"{line}\"");
    }

    /// <summary>The bus daemon's Hello, required first on a message bus (not on a peer-to-peer socket).</summary>
    public string Hello(DateTime deadline) =>
        Call(DbusMessage.MethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello"), deadline).FirstString();

    /// <summary>Sends a method call and returns its reply; an ERROR reply throws <see cref="DbusErrorException"/>.</summary>
    public DbusMessage Call(DbusMessage call, DateTime deadline)
    {
        var serial = ++_serial;
        SendBytes((call with { Serial = serial }).Encode());
        while (true)
        {
            var message = Receive(deadline, $"{call.Interface}.{call.Member}");
            if (message.Type == DbusMessageType.Signal)
            {
                _signals.Add(message);
                continue;
            }
            if (message.ReplySerial != serial)
                continue;
            if (message.Type == DbusMessageType.Error)
                throw new DbusErrorException(message.ErrorName ?? "(unnamed error)", message.FirstString());
            return message;
        }
    }

    /// <summary>The first signal (received earlier or now) that matches.</summary>
    public DbusMessage WaitForSignal(Func<DbusMessage, bool> match, DateTime deadline, string what)
    {
        while (true)
        {
            int i = _signals.FindIndex(m => match(m));
            if (i >= 0)
            {
                var found = _signals[i];
                _signals.RemoveAt(i);
                return found;
            }
            var message = Receive(deadline, what);
            if (message.Type == DbusMessageType.Signal)
                _signals.Add(message);
        }
    }

    public void Dispose() => Libc.Close(_fd);

    private DbusMessage Receive(DateTime deadline, string what)
    {
        Fill(DbusMessage.FixedHeaderLength, deadline, what);
        int total = DbusMessage.TotalLength(_received.ToArray().AsSpan(0, DbusMessage.FixedHeaderLength));
        Fill(total, deadline, what);
        var bytes = _received.GetRange(0, total).ToArray();
        _received.RemoveRange(0, total);
        return DbusMessage.Decode(bytes);
    }

    private string ReadLine(DateTime deadline)
    {
        while (true)
        {
            for (int i = 1; i < _received.Count; i++)
            {
                if (_received[i - 1] == '\r' && _received[i] == '\n')
                {
                    var line = Encoding.ASCII.GetString(_received.GetRange(0, i - 1).ToArray());
                    _received.RemoveRange(0, i + 1);
                    return line;
                }
            }
            Fill(_received.Count + 1, deadline, "D-Bus authentication");
        }
    }

    private unsafe void Fill(int count, DateTime deadline, string what)
    {
        var buffer = new byte[4096];
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new RuntimeException($"D-Bus: no answer to {what} within the timeout");
            var pfd = new PollFd { Fd = _fd, Events = Libc.POLLIN };
            int ready = Libc.Poll(&pfd, 1, (int)Math.Ceiling(left.TotalMilliseconds));
            if (ready < 0 && Libc.Errno == Flags.EINTR)
                continue;
            SyscallException.Check(ready, "poll D-Bus socket");
            if (ready == 0)
                continue;
            nint n;
            fixed (byte* p = buffer)
                n = Libc.Recv(_fd, p, (nuint)buffer.Length, 0);
            if (n < 0 && Libc.Errno == Flags.EINTR)
                continue;
            SyscallException.Check((long)n, "read from D-Bus socket");
            if (n == 0)
                throw new RuntimeException($"D-Bus: the peer closed the connection while waiting for {what}");
            _received.AddRange(buffer.AsSpan(0, (int)n));
        }
    }

    private unsafe void SendBytes(byte[] data)
    {
        int sent = 0;
        while (sent < data.Length)
        {
            nint n;
            fixed (byte* p = data)
                n = Libc.Send(_fd, p + sent, (nuint)(data.Length - sent), Libc.MSG_NOSIGNAL);
            if (n < 0 && Libc.Errno == Flags.EINTR)
                continue;
            SyscallException.Check((long)n, "write to D-Bus socket");
            sent += (int)n;
        }
    }
}
