using System.IO;

namespace OciRuntime.Core.Linux.Lsm;

/// <summary>Which Linux security modules the host kernel has enabled.</summary>
public sealed record LsmHost(bool AppArmor, bool Selinux)
{
    /// <summary>
    /// Reads the host's /sys, so call it before pivot_root. AppArmor: the
    /// module parameter says "Y" and securityfs shows it. SELinux: selinuxfs
    /// is mounted (it is unmounted when SELinux is disabled).
    /// </summary>
    public static LsmHost Probe() => new(
        AppArmor: ReadFirst("/sys/module/apparmor/parameters/enabled") == 'Y' && Directory.Exists("/sys/kernel/security/apparmor"),
        Selinux: File.Exists("/sys/fs/selinux/enforce"));

    private static char ReadFirst(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text.Length > 0 ? text[0] : '\0';
        }
        catch (IOException)
        {
            return '\0';
        }
        catch (System.UnauthorizedAccessException)
        {
            return '\0';
        }
    }
}
