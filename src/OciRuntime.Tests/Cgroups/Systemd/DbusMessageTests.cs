using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using OciRuntime.Core.Linux.Cgroups.Systemd;

namespace OciRuntime.Tests.Cgroups.Systemd;

public class DbusMessageTests
{
    private static byte[] U32(uint v) => BitConverter.GetBytes(v);
    private static byte[] Str(string s) => [.. U32((uint)s.Length), .. Encoding.ASCII.GetBytes(s), 0];
    private static byte[] Zeros(int n) => new byte[n];

    [Test]
    public void HelloHasTheExactWireBytes()
    {
        var hello = DbusMessage.MethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello") with { Serial = 1 };

        // Worked out by hand from the specification: each header field is a
        // struct (8-aligned) of a byte code and a variant (signature, then
        // the 4-aligned string).
        byte[] expected =
        [
            (byte)'l', 1, 0, 1, .. U32(0), .. U32(1), .. U32(109),
            1, 1, (byte)'o', 0, .. Str("/org/freedesktop/DBus"), .. Zeros(2), // offset 16..46, pad to 48
            2, 1, (byte)'s', 0, .. Str("org.freedesktop.DBus"), .. Zeros(3),   // 48..77, pad to 80
            3, 1, (byte)'s', 0, .. Str("Hello"), .. Zeros(2),                  // 80..94, pad to 96
            6, 1, (byte)'s', 0, .. Str("org.freedesktop.DBus"),                // 96..125: fields are 109 bytes
            .. Zeros(3),                                                       // header padded to 128
        ];
        Assert.That(hello.Encode(), Is.EqualTo(expected));
    }

    [Test]
    public void StopUnitCarriesSignatureFieldAndBody()
    {
        var stop = DbusMessage.MethodCall("org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager",
            "StopUnit", "ss", "a.scope", "replace") with { Serial = 2 };
        var bytes = stop.Encode();

        byte[] body = [.. Str("a.scope"), .. Zeros(0), .. Str("replace")]; // "a.scope\0" is 12 bytes: the next string is aligned already
        Assert.That(bytes[4..8], Is.EqualTo(U32((uint)body.Length)));
        Assert.That(bytes[^body.Length..], Is.EqualTo(body));
        // The SIGNATURE field (code 8, variant of type g) comes last: 8 1 'g' 0, then length 2 "ss" NUL.
        int fieldsEnd = 16 + (int)BitConverter.ToUInt32(bytes, 12);
        Assert.That(bytes[(fieldsEnd - 8)..fieldsEnd], Is.EqualTo(new byte[] { 8, 1, (byte)'g', 0, 2, (byte)'s', (byte)'s', 0 }));
        Assert.That((bytes.Length - body.Length) % 8, Is.Zero, "the body starts 8-aligned");
    }

    [Test]
    public void PropertyArrayIsAlignedAndCounted()
    {
        var w = new DbusWriter();
        w.WriteAll("sa(sv)", ["x", new List<object?> { new object?[] { "Delegate", new DbusVariant("b", true) } }]);
        byte[] expected =
        [
            .. Str("x"), .. Zeros(2),           // 0..6, pad to 8
            .. U32(20),                         // array length: from the struct at 16 to its end at 36
            .. Zeros(4),                        // struct alignment to 16 counts before the length starts
            .. Str("Delegate"),                 // 16..29
            1, (byte)'b', 0,                    // variant signature 29..32
            .. U32(1),                          // boolean as uint32 32..36
        ];
        Assert.That(w.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void EmptyArrayStillPadsToItsElementAlignment()
    {
        var w = new DbusWriter();
        w.WriteAll("ya(sv)", [(byte)7, new List<object?>()]);
        Assert.That(w.ToArray(), Is.EqualTo(new byte[] { 7, 0, 0, 0, 0, 0, 0, 0 }));
    }

    [Test]
    public void StartTransientUnitRoundTrips()
    {
        var properties = new List<object?>
        {
            new object?[] { "Description", new DbusVariant("s", "ociruntime container c1") },
            new object?[] { "PIDs", new DbusVariant("au", new List<object?> { 42u, 43u }) },
            new object?[] { "MemoryMax", new DbusVariant("t", 1UL << 30) },
            new object?[] { "Delegate", new DbusVariant("b", true) },
        };
        var call = DbusMessage.MethodCall("org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager",
            "StartTransientUnit", "ssa(sv)a(sa(sv))", "ociruntime-c1.scope", "replace", properties, new List<object?>()) with { Serial = 9 };

        var decoded = DbusMessage.Decode(call.Encode());

        Assert.That(decoded.Member, Is.EqualTo("StartTransientUnit"));
        Assert.That(decoded.Serial, Is.EqualTo(9u));
        Assert.That(decoded.Signature, Is.EqualTo("ssa(sv)a(sa(sv))"));
        Assert.That(decoded.Destination, Is.EqualTo("org.freedesktop.systemd1"));
        Assert.That(decoded.Body[0], Is.EqualTo("ociruntime-c1.scope"));
        var props = ((IReadOnlyList<object?>)decoded.Body[2]!).Cast<IReadOnlyList<object?>>().ToList();
        Assert.That(props.Select(p => p[0]), Is.EqualTo(new[] { "Description", "PIDs", "MemoryMax", "Delegate" }));
        Assert.That(((DbusVariant)props[1][1]!).Value, Is.EqualTo(new List<object?> { 42u, 43u }));
        Assert.That(((DbusVariant)props[2][1]!).Value, Is.EqualTo(1UL << 30));
        Assert.That(((DbusVariant)props[3][1]!).Value, Is.EqualTo(true));
        Assert.That((IReadOnlyList<object?>)decoded.Body[3]!, Is.Empty);
    }

    [Test]
    public void ErrorReplyDecodes()
    {
        var error = new DbusMessage
        {
            Type = DbusMessageType.Error, Serial = 5, ReplySerial = 3, ErrorName = "org.freedesktop.systemd1.NoSuchUnit",
            Signature = "s", Body = ["Unit x.scope not loaded."],
        };
        var decoded = DbusMessage.Decode(error.Encode());
        Assert.That(decoded.Type, Is.EqualTo(DbusMessageType.Error));
        Assert.That(decoded.ReplySerial, Is.EqualTo(3u));
        Assert.That(decoded.ErrorName, Is.EqualTo("org.freedesktop.systemd1.NoSuchUnit"));
        Assert.That(decoded.FirstString(), Is.EqualTo("Unit x.scope not loaded."));
    }

    [Test]
    public void TruncatedMessageIsRefused()
    {
        var bytes = DbusMessage.MethodCall("a.b", "/", "a.b", "M", "s", "x").Encode();
        Assert.That(() => DbusMessage.Decode(bytes[..^1]), Throws.TypeOf<DbusFormatException>());
    }

    [Test]
    public void BigEndianIsRefusedClearly()
    {
        var bytes = new byte[16];
        bytes[0] = (byte)'B';
        Assert.That(() => DbusMessage.TotalLength(bytes), Throws.TypeOf<DbusFormatException>().With.Message.Contains("little-endian"));
    }

    [TestCase("ssa(sv)a(sa(sv))", new[] { "s", "s", "a(sv)", "a(sa(sv))" })]
    [TestCase("uoss", new[] { "u", "o", "s", "s" })]
    [TestCase("a{sv}b", new[] { "a{sv}", "b" })]
    public void SplitsSignatures(string signature, string[] types) =>
        Assert.That(DbusSignature.Split(signature), Is.EqualTo(types));

    [TestCase("a(s")]
    [TestCase("z")]
    [TestCase("a")]
    public void RefusesBrokenSignatures(string signature) =>
        Assert.That(() => DbusSignature.Split(signature), Throws.TypeOf<DbusFormatException>());

    [TestCase(null, "/run/dbus/system_bus_socket")]
    [TestCase("unix:path=/tmp/bus", "/tmp/bus")]
    [TestCase("tcp:host=x;unix:abstract=/tmp/dbus-x,guid=01", "@/tmp/dbus-x")]
    [TestCase("unix:path=/run/my%20bus", "/run/my bus")]
    public void FindsTheBusSocket(string? address, string socket) =>
        Assert.That(SystemdClient.BusSocket(address), Is.EqualTo(socket));
}
