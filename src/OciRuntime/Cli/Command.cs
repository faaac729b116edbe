using System;

namespace OciRuntime.Cli;

/// <summary>A CLI command: name, usage line, description, flags, and the code that runs it.</summary>
internal sealed record Command(string Name, string ArgsUsage, string Description, FlagSpec[] Flags, Func<ParsedArgs, int> Run, int MinArgs = 0, int MaxArgs = int.MaxValue);
