using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Spec;

/// <summary>JsonBytes against Utf8JsonWriter with its default encoder: the same bytes.</summary>
public class JsonBytesTests
{
    private static string Reference(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
            write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly string[] Texts =
    [
        "",
        "plain /run/containers/c1",
        new string(Enumerable.Range(0, 128).Select(i => (char)i).ToArray()),
        "é ü ß 中文 \u2028\u2029 \u00a0 \ufeff \uffff",
        "emoji \ud83d\ude00 pair",
        "quote \" backslash \\ slash / html <a href='x'>&amp;</a> plus + tick `",
    ];

    [Test]
    public void EscapesStringsAsTheDefaultEncoder()
    {
        foreach (var text in Texts)
        {
            var mine = new JsonBytes().StartObject().Name(text).String(text).EndObject().ToString();
            var theirs = Reference(w => { w.WriteStartObject(); w.WriteString(text, text); w.WriteEndObject(); });
            Assert.That(mine, Is.EqualTo(theirs), text);
        }
    }

    [Test]
    public void ALoneSurrogateBecomesTheReplacementCharacter()
    {
        Assert.That(new JsonBytes().String("a\ud800b\udc00").ToString(), Is.EqualTo("\"a\\uFFFDb\\uFFFD\""));
        Assert.That(new JsonBytes().String("end\ud83d").ToString(), Is.EqualTo("\"end\\uFFFD\""));
    }

    private static void Nested(JsonBytes j)
    {
        j.StartObject()
            .Name("a"u8).Number(-1)
            .Name("b"u8).Number(ulong.MaxValue)
            .Name("empty"u8).StartObject().EndObject()
            .Name("none"u8).StartArray().EndArray()
            .Name("list"u8).StartArray().String("x").Bool(true).Raw("null"u8).StartObject().Name("k"u8).Bool(false).EndObject().EndArray()
            .Name("data"u8).Base64([0, 1, 2, 250, 251])
            .Optional("skipped"u8, null)
            .Optional("kept"u8, "v")
            .EndObject();
    }

    private static void NestedReference(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("a", -1);
        w.WriteNumber("b", ulong.MaxValue);
        w.WriteStartObject("empty");
        w.WriteEndObject();
        w.WriteStartArray("none");
        w.WriteEndArray();
        w.WriteStartArray("list");
        w.WriteStringValue("x");
        w.WriteBooleanValue(true);
        w.WriteNullValue();
        w.WriteStartObject();
        w.WriteBoolean("k", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBase64String("data", new byte[] { 0, 1, 2, 250, 251 });
        w.WriteString("kept", "v");
        w.WriteEndObject();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void LaysOutNestedValuesAsUtf8JsonWriter(bool indented)
    {
        var mine = new JsonBytes(16, indented);
        Nested(mine);
        Assert.That(mine.ToString(), Is.EqualTo(Reference(NestedReference, indented)));
    }

    [Test]
    public void AnIndentedArrayOfObjects()
    {
        var mine = new JsonBytes(indented: true).StartArray();
        for (int i = 0; i < 2; i++)
            mine.StartObject().Name("i"u8).Number(i).EndObject();
        mine.EndArray();
        var theirs = Reference(w =>
        {
            w.WriteStartArray();
            for (int i = 0; i < 2; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("i", i);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, indented: true);
        Assert.That(mine.ToString(), Is.EqualTo(theirs));
        Assert.That(new JsonBytes(indented: true).StartArray().EndArray().ToString(), Is.EqualTo("[]"));
    }
}
