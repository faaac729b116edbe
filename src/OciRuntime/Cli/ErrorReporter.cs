using System;

namespace OciRuntime.Cli;

/// <summary>The one place errors leave the runtime: one line on stderr, and the log when one is set.</summary>
internal static class ErrorReporter
{
    public static void Report(string message)
    {
        var line = message.Replace('\n', ' ');
        Console.Error.WriteLine(line);
        GlobalOptions.Current.Log?.Log(Microsoft.Extensions.Logging.LogLevel.Error, default, line, null, static (s, _) => s);
    }
}
