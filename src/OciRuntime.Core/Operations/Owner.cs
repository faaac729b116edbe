using System.Globalization;
using System.IO;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Operations;

/// <summary>
/// The "owner" of runc's state output: the user name of the effective uid
/// from /etc/passwd, or the number when the host has no entry (minimal
/// hosts and VMs may have no passwd file at all).
/// </summary>
public static class Owner
{
    public static string Current() => Lookup(Libc.GetEuid(), "/etc/passwd");

    public static string Lookup(uint uid, string passwdPath)
    {
        var number = uid.ToString(CultureInfo.InvariantCulture);
        try
        {
            foreach (var line in File.ReadLines(passwdPath))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == number)
                    return fields[0];
            }
        }
        catch (IOException)
        {
        }
        catch (System.UnauthorizedAccessException)
        {
        }
        return number;
    }
}
