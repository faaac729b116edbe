using System;
using System.IO;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Logging;

namespace OciRuntime.Tests.Logging;

public class RuntimeLogTests
{
    private string _tmp = "";

    [SetUp]
    public void SetUp() => _tmp = Directory.CreateTempSubdirectory("lc-log-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_tmp, recursive: true);

    [Test]
    public void AppendsOneLinePerEntryToTheLogFile()
    {
        var path = Path.Combine(_tmp, "log.json");
        File.WriteAllText(path, "earlier\n");
        using (var factory = RuntimeLog.Create(path, "json", debug: false))
        {
            var log = factory.CreateLogger("x");
            log.LogError("first \"one\"");
            // Flushed per line: visible before the factory is disposed.
            Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(2));
            log.LogWarning("second");
        }
        var lines = File.ReadAllLines(path);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Is.EqualTo("earlier"));
        Assert.That(lines[1], Does.StartWith("{\"level\":\"error\",\"msg\":\"first \\\"one\\\"\",\"time\":\""));
        Assert.That(lines[2], Does.StartWith("{\"level\":\"warning\",\"msg\":\"second\""));
    }

    [Test]
    public void DebugEntriesNeedDebug()
    {
        var quiet = Path.Combine(_tmp, "quiet");
        var loud = Path.Combine(_tmp, "loud");
        using (var f = RuntimeLog.Create(quiet, "text", debug: false))
        {
            var log = f.CreateLogger("x");
            Assert.That(log.IsEnabled(LogLevel.Debug), Is.False);
            log.LogDebug("hidden");
            log.LogInformation("shown");
        }
        using (var f = RuntimeLog.Create(loud, "text", debug: true))
        {
            f.CreateLogger("x").LogDebug("hidden");
        }
        Assert.That(File.ReadAllText(quiet), Does.Not.Contain("hidden").And.Contain("level=info msg=shown"));
        Assert.That(File.ReadAllText(loud), Does.Contain("level=debug msg=hidden"));
    }

    [Test]
    public void ExceptionIsAppendedToTheMessage()
    {
        var path = Path.Combine(_tmp, "log");
        var provider = new RuntimeLoggerProvider(LogSink.Open(path), LogFormat.Text, LogLevel.Information,
            () => new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using (var factory = new RuntimeLoggerFactory(provider))
            factory.CreateLogger("x").LogError(new InvalidOperationException("boom"), "start failed");
        Assert.That(File.ReadAllText(path), Is.EqualTo("time=\"2024-01-02T03:04:05Z\" level=error msg=\"start failed: boom\"\n"));
    }

    [Test]
    public void UnknownFormatIsRejectedWithRuncText()
    {
        var e = Assert.Throws<RuntimeException>(() => RuntimeLog.Create(null, "xml", debug: false));
        Assert.That(e!.Message, Is.EqualTo("invalid log-format: xml"));
    }

    [Test]
    public void UnopenableLogFileIsASyscallError()
    {
        var e = Assert.Throws<SyscallException>(() => RuntimeLog.Create(Path.Combine(_tmp, "no", "such", "log"), "text", debug: false));
        Assert.That(e!.Message, Does.StartWith("open `").And.Contain("No such file or directory"));
    }

    [Test]
    public void FactoryRefusesOtherProviders()
    {
        using var f = RuntimeLog.Create(Path.Combine(_tmp, "l"), "text", debug: false);
        Assert.Throws<NotSupportedException>(() => f.AddProvider(new RuntimeLoggerProvider(LogSink.Stderr(), LogFormat.Text, LogLevel.Error)));
    }
}
