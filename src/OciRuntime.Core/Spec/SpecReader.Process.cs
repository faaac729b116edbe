using System.Text.Json;

namespace OciRuntime.Core.Spec;

/// <summary>process and its parts (config.md "Process").</summary>
public static partial class SpecReader
{
    private static Process? ReadProcess(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Process { User = null!, Cwd = null! };
        while (Property(ref r))
            x = Is(ref r, "terminal"u8) ? x with { Terminal = Bool(ref r) }
              : Is(ref r, "consoleSize"u8) ? x with { ConsoleSize = ReadConsoleSize(ref r) }
              : Is(ref r, "user"u8) ? x with { User = ReadUser(ref r)! }
              : Is(ref r, "args"u8) ? x with { Args = Strings(ref r) }
              : Is(ref r, "commandLine"u8) ? x with { CommandLine = Str(ref r) }
              : Is(ref r, "env"u8) ? x with { Env = Strings(ref r) }
              : Is(ref r, "cwd"u8) ? x with { Cwd = Str(ref r)! }
              : Is(ref r, "capabilities"u8) ? x with { Capabilities = ReadCapabilities(ref r) }
              : Is(ref r, "rlimits"u8) ? x with { Rlimits = Array<Rlimit>(ref r, ReadRlimit) }
              : Is(ref r, "noNewPrivileges"u8) ? x with { NoNewPrivileges = Bool(ref r) }
              : Is(ref r, "apparmorProfile"u8) ? x with { ApparmorProfile = Str(ref r) }
              : Is(ref r, "oomScoreAdj"u8) ? x with { OomScoreAdj = I32OrNull(ref r) }
              : Is(ref r, "scheduler"u8) ? x with { Scheduler = ReadScheduler(ref r) }
              : Is(ref r, "selinuxLabel"u8) ? x with { SelinuxLabel = Str(ref r) }
              : Is(ref r, "ioPriority"u8) ? x with { IoPriority = ReadIoPriority(ref r) }
              : Is(ref r, "execCPUAffinity"u8) ? x with { ExecCpuAffinity = ReadExecCpuAffinity(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static ConsoleSize? ReadConsoleSize(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new ConsoleSize();
        while (Property(ref r))
            x = Is(ref r, "height"u8) ? x with { Height = U32(ref r) }
              : Is(ref r, "width"u8) ? x with { Width = U32(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static User? ReadUser(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new User();
        while (Property(ref r))
            x = Is(ref r, "uid"u8) ? x with { Uid = U32(ref r) }
              : Is(ref r, "gid"u8) ? x with { Gid = U32(ref r) }
              : Is(ref r, "umask"u8) ? x with { Umask = U32OrNull(ref r) }
              : Is(ref r, "additionalGids"u8) ? x with { AdditionalGids = U32Array(ref r) }
              : Is(ref r, "username"u8) ? x with { Username = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Capabilities? ReadCapabilities(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Capabilities();
        while (Property(ref r))
            x = Is(ref r, "bounding"u8) ? x with { Bounding = Strings(ref r) }
              : Is(ref r, "effective"u8) ? x with { Effective = Strings(ref r) }
              : Is(ref r, "inheritable"u8) ? x with { Inheritable = Strings(ref r) }
              : Is(ref r, "permitted"u8) ? x with { Permitted = Strings(ref r) }
              : Is(ref r, "ambient"u8) ? x with { Ambient = Strings(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Rlimit? ReadRlimit(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Rlimit { Type = null! };
        while (Property(ref r))
            x = Is(ref r, "type"u8) ? x with { Type = Str(ref r)! }
              : Is(ref r, "hard"u8) ? x with { Hard = U64(ref r) }
              : Is(ref r, "soft"u8) ? x with { Soft = U64(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static Scheduler? ReadScheduler(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new Scheduler { Policy = null! };
        while (Property(ref r))
            x = Is(ref r, "policy"u8) ? x with { Policy = Str(ref r)! }
              : Is(ref r, "nice"u8) ? x with { Nice = I32(ref r) }
              : Is(ref r, "priority"u8) ? x with { Priority = I32(ref r) }
              : Is(ref r, "flags"u8) ? x with { Flags = Strings(ref r) }
              : Is(ref r, "runtime"u8) ? x with { Runtime = U64(ref r) }
              : Is(ref r, "deadline"u8) ? x with { Deadline = U64(ref r) }
              : Is(ref r, "period"u8) ? x with { Period = U64(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static IoPriority? ReadIoPriority(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new IoPriority { Class = null! };
        while (Property(ref r))
            x = Is(ref r, "class"u8) ? x with { Class = Str(ref r)! }
              : Is(ref r, "priority"u8) ? x with { Priority = I32(ref r) }
              : Skip(ref r, x);
        return x;
    }

    private static ExecCpuAffinity? ReadExecCpuAffinity(ref Utf8JsonReader r)
    {
        if (!Begin(ref r))
            return null;
        var x = new ExecCpuAffinity();
        while (Property(ref r))
            x = Is(ref r, "initial"u8) ? x with { Initial = Str(ref r) }
              : Is(ref r, "final"u8) ? x with { Final = Str(ref r) }
              : Skip(ref r, x);
        return x;
    }
}
