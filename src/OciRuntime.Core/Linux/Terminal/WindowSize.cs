using System.Runtime.InteropServices;

namespace OciRuntime.Core.Linux.Terminal;

/// <summary>struct winsize.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct WindowSize
{
    public ushort Rows;
    public ushort Columns;
    public ushort XPixels;
    public ushort YPixels;
}
