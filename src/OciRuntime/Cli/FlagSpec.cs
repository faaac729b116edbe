namespace OciRuntime.Cli;

/// <summary>One flag of a command: its names (first is canonical), whether it takes a value, and its help line.</summary>
internal sealed record FlagSpec(string[] Names, bool TakesValue, string Help, string? Default = null);
