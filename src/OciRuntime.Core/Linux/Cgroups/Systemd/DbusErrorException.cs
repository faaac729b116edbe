using System;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>An ERROR reply: the error name (e.g. org.freedesktop.systemd1.NoSuchUnit) and its text.</summary>
public sealed class DbusErrorException(string name, string text) : Exception($"{name}: {text}")
{
    public string Name { get; } = name;
    public string Text { get; } = text;
}
