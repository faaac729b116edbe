namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>Second byte of a D-Bus message header.</summary>
public enum DbusMessageType : byte
{
    MethodCall = 1,
    MethodReturn = 2,
    Error = 3,
    Signal = 4,
}
