namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>A D-Bus VARIANT: a value carried with its own single complete type signature.</summary>
/// <param name="Value">See <see cref="DbusWriter"/> for the CLR type each signature code takes.</param>
public sealed record DbusVariant(string Signature, object Value);
