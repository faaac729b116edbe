using System;

namespace OciRuntime;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine($"ociruntime native {NativeBootstrap.Version()}");
        return 0;
    }
}
