namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>One unit property as StartTransientUnit and SetUnitProperties take it: (sv).</summary>
public sealed record SystemdProperty(string Name, DbusVariant Value)
{
    public static SystemdProperty String(string name, string value) => new(name, new DbusVariant("s", value));
    public static SystemdProperty Bool(string name, bool value) => new(name, new DbusVariant("b", value));
    public static SystemdProperty UInt64(string name, ulong value) => new(name, new DbusVariant("t", value));
    public static SystemdProperty Pids(params uint[] pids) => new("PIDs", new DbusVariant("au", System.Array.ConvertAll(pids, p => (object?)p)));

    internal object?[] ToWire() => [Name, Value];
}
