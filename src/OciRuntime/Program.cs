using System;
using OciRuntime.Cli;
using OciRuntime.Core.Init;
using OciRuntime.Core.Linux;

namespace OciRuntime;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "init")
            return InitProcess.Run();
        try
        {
            return CommandLine.Dispatch(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (RuntimeException e)
        {
            ErrorReporter.Report(e.Message);
            return 1;
        }
        catch (SyscallException e)
        {
            ErrorReporter.Report(e.Message);
            return 1;
        }
    }
}
