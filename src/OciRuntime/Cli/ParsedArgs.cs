using System.Collections.Generic;
using System.Globalization;

namespace OciRuntime.Cli;

/// <summary>Flags and positional arguments of one command, after parsing.</summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string>> _values = new();
    public List<string> Positional { get; } = new();

    public void Add(string canonical, string value)
    {
        if (!_values.TryGetValue(canonical, out var list))
            _values[canonical] = list = new List<string>();
        list.Add(value);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.TryGetValue(name, out var l) ? l[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var l) ? l : [];

    public bool Bool(string name)
    {
        var v = Value(name);
        return v is not null && v != "false";
    }

    public int Int(string name, int fallback)
    {
        var v = Value(name);
        if (v is null)
            return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 0)
            throw new UsageException($"invalid value \"{v}\" for flag --{name}: not a non-negative integer");
        return n;
    }
}
