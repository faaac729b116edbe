using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using OciRuntime.Core.Linux.Cgroups.Systemd;

namespace OciRuntime.Tests.Cgroups.Systemd;

/// <summary>
/// Listens on a temporary unix socket and answers as systemd's private
/// socket does: SASL EXTERNAL, then each method call goes to
/// <see cref="Handler"/>, whose messages are sent back in order (replies
/// get their reply serial filled in).
/// </summary>
public sealed class FakeSystemdPeer : IDisposable
{
    private readonly Socket _listener;
    private readonly Thread _thread;
    private readonly string _dir;
    private uint _serial = 1000;

    public string SocketPath { get; }
    public List<DbusMessage> Calls { get; } = [];
    public string? AuthLine { get; private set; }
    public Exception? Failure { get; private set; }

    /// <summary>Answers to one call; default: an empty METHOD_RETURN.</summary>
    public Func<DbusMessage, IEnumerable<DbusMessage>> Handler { get; set; } = call => [Reply(call)];

    public FakeSystemdPeer()
    {
        _dir = Directory.CreateTempSubdirectory("fakesd").FullName;
        SocketPath = Path.Combine(_dir, "private");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(4);
        _thread = new Thread(Serve) { IsBackground = true };
        _thread.Start();
    }

    public static DbusMessage Reply(DbusMessage call, string signature = "", params object?[] body) =>
        new() { Type = DbusMessageType.MethodReturn, ReplySerial = call.Serial, Signature = signature, Body = body };

    public static DbusMessage Error(DbusMessage call, string name, string text) =>
        new() { Type = DbusMessageType.Error, ReplySerial = call.Serial, ErrorName = name, Signature = "s", Body = [text] };

    public static DbusMessage JobRemoved(string job, string unit, string result) => new()
    {
        Type = DbusMessageType.Signal,
        Path = "/org/freedesktop/systemd1",
        Interface = "org.freedesktop.systemd1.Manager",
        Member = "JobRemoved",
        Signature = "uoss",
        Body = [7u, job, unit, result],
    };

    public int Connections { get; private set; }

    private void Serve()
    {
        while (true)
        {
            Socket peer;
            try
            {
                peer = _listener.Accept();
            }
            catch (Exception)
            {
                return; // disposed
            }
            Connections++;
            using (peer)
                ServeOne(peer);
        }
    }

    private void ServeOne(Socket peer)
    {
        try
        {
            var buffer = new List<byte>();
            AuthLine = ReadLine(peer, buffer);
            Send(peer, Encoding.ASCII.GetBytes("OK 0123456789abcdef0123456789abcdef\r\n"));
            var begin = ReadLine(peer, buffer);
            if (begin != "BEGIN")
                throw new InvalidDataException($"expected BEGIN, got \"{begin}\"");
            while (true)
            {
                if (!Fill(peer, buffer, DbusMessage.FixedHeaderLength))
                    return;
                int total = DbusMessage.TotalLength(buffer.GetRange(0, DbusMessage.FixedHeaderLength).ToArray());
                if (!Fill(peer, buffer, total))
                    return;
                var call = DbusMessage.Decode(buffer.GetRange(0, total).ToArray());
                buffer.RemoveRange(0, total);
                lock (Calls)
                    Calls.Add(call);
                foreach (var answer in Handler(call))
                    Send(peer, (answer with { Serial = ++_serial }).Encode());
            }
        }
        catch (Exception e)
        {
            Failure = e;
        }
    }

    private static string ReadLine(Socket peer, List<byte> buffer)
    {
        while (true)
        {
            for (int i = 1; i < buffer.Count; i++)
            {
                if (buffer[i - 1] == '\r' && buffer[i] == '\n')
                {
                    var line = Encoding.ASCII.GetString(buffer.GetRange(0, i - 1).ToArray());
                    buffer.RemoveRange(0, i + 1);
                    return line;
                }
            }
            if (!Fill(peer, buffer, buffer.Count + 1))
                throw new EndOfStreamException();
        }
    }

    private static bool Fill(Socket peer, List<byte> buffer, int count)
    {
        var chunk = new byte[4096];
        while (buffer.Count < count)
        {
            int n = peer.Receive(chunk);
            if (n == 0)
                return false;
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        return true;
    }

    private static void Send(Socket peer, byte[] data)
    {
        int sent = 0;
        while (sent < data.Length)
            sent += peer.Send(data, sent, data.Length - sent, SocketFlags.None);
    }

    public SystemdClient Connect(TimeSpan? timeout = null)
    {
        var connection = DbusConnection.ConnectUnix(SocketPath);
        connection.Authenticate(0, DateTime.UtcNow + TimeSpan.FromSeconds(5));
        return new SystemdClient(connection) { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
    }

    public void Dispose()
    {
        _listener.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
