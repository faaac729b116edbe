using System;
using System.Text;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Init;

/// <summary>
/// One end of the SOCK_SEQPACKET pair between the runtime and the container
/// init. SEQPACKET keeps message boundaries, so the C bootstrap can read a
/// whole message with one recv. Large payloads (the config) are sent as a
/// "len N" message followed by chunks.
/// </summary>
public sealed class SyncSocket : IDisposable
{
    private const int Chunk = 32 * 1024;
    private int _fd;

    // One receive buffer per socket, not zeroed: a fresh zeroed 32 KiB array
    // per message was a measurable share of both processes' allocations.
    private byte[]? _buffer;

    private const int Econnreset = 104;

    public SyncSocket(int fd) => _fd = fd;

    public int Fd => _fd;

    /// <summary>A connected pair, both ends close-on-exec.</summary>
    public static unsafe (SyncSocket Parent, SyncSocket Child) CreatePair()
    {
        int* sv = stackalloc int[2];
        SyscallException.Check(Libc.Socketpair(Libc.AF_UNIX, Libc.SOCK_SEQPACKET | Libc.SOCK_CLOEXEC, 0, sv), "socketpair");
        return (new SyncSocket(sv[0]), new SyncSocket(sv[1]));
    }

    public unsafe void Send(ReadOnlySpan<byte> message)
    {
        fixed (byte* p = message)
        {
            nint n;
            do
            {
                n = Libc.Send(_fd, p, (nuint)message.Length, Libc.MSG_NOSIGNAL);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
            if (n < 0)
                throw new SyscallException("send to sync socket", Libc.Errno);
        }
    }

    public void Send(string message) => Send(Encoding.UTF8.GetBytes(message));

    /// <summary>Receives one message; null when the peer closed the socket.</summary>
    public unsafe byte[]? Receive()
    {
        var buf = _buffer ??= GC.AllocateUninitializedArray<byte>(Chunk + 1);
        nint n;
        fixed (byte* p = buf)
        {
            do
            {
                n = Libc.Recv(_fd, p, (nuint)buf.Length, 0);
            } while (n < 0 && Libc.Errno == Flags.EINTR);
        }
        // A peer that died with messages of ours unread resets the
        // connection instead of closing it: gone all the same.
        if (n < 0 && Libc.Errno != Econnreset)
            throw new SyscallException("receive from sync socket", Libc.Errno);
        if (n <= 0)
            return null;
        return buf.AsSpan(0, (int)n).ToArray();
    }

    public string? ReceiveString()
    {
        var m = Receive();
        return m is null ? null : Encoding.UTF8.GetString(m);
    }

    /// <summary>Sends a payload of any size as "len N" plus chunks.</summary>
    public void SendLarge(ReadOnlySpan<byte> payload)
    {
        Send($"len {payload.Length}");
        for (int off = 0; off < payload.Length; off += Chunk)
            Send(payload.Slice(off, Math.Min(Chunk, payload.Length - off)));
    }

    public byte[] ReceiveLarge()
    {
        var head = ReceiveString() ?? throw new RuntimeException("sync socket closed before the payload");
        if (!head.StartsWith("len ", StringComparison.Ordinal) || !int.TryParse(head.AsSpan(4), out int len) || len < 0)
            throw new RuntimeException($"sync socket: unexpected message \"{head}\"");
        var result = new byte[len];
        int got = 0;
        while (got < len)
        {
            var part = Receive() ?? throw new RuntimeException("sync socket closed in the middle of the payload");
            part.CopyTo(result, got);
            got += part.Length;
        }
        return result;
    }

    /// <summary>Gives up ownership of the descriptor (it was handed to a child).</summary>
    public int Detach()
    {
        int fd = _fd;
        _fd = -1;
        return fd;
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            Libc.Close(_fd);
            _fd = -1;
        }
    }
}
