using System;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>A D-Bus message or signature that does not follow the wire format.</summary>
public sealed class DbusFormatException(string message) : Exception(message);
