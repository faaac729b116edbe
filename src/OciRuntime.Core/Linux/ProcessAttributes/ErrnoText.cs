using System.Runtime.InteropServices;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>errno text spelled as runc (Go) prints it: strerror with a lower-case first letter.</summary>
internal static class ErrnoText
{
    internal static string Of(int errno)
    {
        string text = Marshal.GetPInvokeErrorMessage(errno);
        return text.Length > 0 && char.IsUpper(text[0]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
