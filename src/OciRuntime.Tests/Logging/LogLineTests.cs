using System;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using OciRuntime.Core.Logging;

namespace OciRuntime.Tests.Logging;

public class LogLineTests
{
    private static readonly DateTimeOffset Utc = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Paris = new(2024, 1, 2, 4, 4, 5, TimeSpan.FromHours(1));

    [Test]
    public void TextLooksLikeRunc()
    {
        Assert.That(LogLine.Format(LogFormat.Text, LogLevel.Error, "container does not exist", Utc),
            Is.EqualTo("time=\"2024-01-02T03:04:05Z\" level=error msg=\"container does not exist\"\n"));
    }

    [Test]
    public void TextCarriesTheLocalOffset()
    {
        Assert.That(LogLine.Format(LogFormat.Text, LogLevel.Error, "invalid container ID format", Paris),
            Is.EqualTo("time=\"2024-01-02T04:04:05+01:00\" level=error msg=\"invalid container ID format\"\n"));
    }

    [Test]
    public void TextLeavesSimpleValuesBare()
    {
        Assert.That(LogLine.Format(LogFormat.Text, LogLevel.Debug, "nsexec-0/x@y^z+1", Utc),
            Is.EqualTo("time=\"2024-01-02T03:04:05Z\" level=debug msg=nsexec-0/x@y^z+1\n"));
    }

    [Test]
    public void TextEscapesQuotesNewlinesAndControls()
    {
        var line = LogLine.Format(LogFormat.Text, LogLevel.Warning, "say \"hi\"\nback\\slash\ttab\u0001", Utc);
        Assert.That(line, Is.EqualTo("time=\"2024-01-02T03:04:05Z\" level=warning msg=\"say \\\"hi\\\"\\nback\\\\slash\\ttab\\x01\"\n"));
        Assert.That(line.IndexOf('\n'), Is.EqualTo(line.Length - 1), "one entry, one line");
    }

    [Test]
    public void JsonLooksLikeRunc()
    {
        Assert.That(LogLine.Format(LogFormat.Json, LogLevel.Error, "container does not exist", Paris),
            Is.EqualTo("{\"level\":\"error\",\"msg\":\"container does not exist\",\"time\":\"2024-01-02T04:04:05+01:00\"}\n"));
    }

    [Test]
    public void JsonEscapesQuotesAndNewlines()
    {
        var message = "say \"hi\"\nback\\slash é";
        var line = LogLine.Format(LogFormat.Json, LogLevel.Information, message, Utc);
        Assert.That(line, Does.Contain("\"msg\":\"say \\\"hi\\\"\\nback\\\\slash é\""));
        Assert.That(line.IndexOf('\n'), Is.EqualTo(line.Length - 1), "one entry, one line");
        using var doc = JsonDocument.Parse(line);
        Assert.That(doc.RootElement.GetProperty("msg").GetString(), Is.EqualTo(message));
        Assert.That(doc.RootElement.GetProperty("level").GetString(), Is.EqualTo("info"));
    }

    [TestCase(LogLevel.Trace, "trace")]
    [TestCase(LogLevel.Debug, "debug")]
    [TestCase(LogLevel.Information, "info")]
    [TestCase(LogLevel.Warning, "warning")]
    [TestCase(LogLevel.Error, "error")]
    [TestCase(LogLevel.Critical, "fatal")]
    public void LevelNamesAreLogrus(LogLevel level, string name)
    {
        Assert.That(LogLine.LevelName(level), Is.EqualTo(name));
    }
}
