using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading;
using NUnit.Framework;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Processes;

[SupportedOSPlatform("linux")]
public class ForegroundWaitTests
{
    private static string SigBlk() =>
        Array.Find(File.ReadAllLines("/proc/thread-self/status"), l => l.StartsWith("SigBlk:", StringComparison.Ordinal))!;

    [Test]
    public void InAProcessWithThreadsItDeclinesAndLeavesTheMaskAsItWas()
    {
        // The test host runs thread pool and other threads whose masks no
        // finalizer reaches: signals could go there, so the wait must refuse
        // (the caller then uses its forwarding thread) and undo its block.
        string before = "", after = "";
        int? result = 0;
        var t = new Thread(() =>
        {
            before = SigBlk();
            result = ForegroundWait.Run(Environment.ProcessId, [10, 12]);
            after = SigBlk();
        });
        t.Start();
        t.Join();
        Assert.That(result, Is.Null);
        Assert.That(before, Does.StartWith("SigBlk:"));
        Assert.That(after, Is.EqualTo(before));
    }
}
