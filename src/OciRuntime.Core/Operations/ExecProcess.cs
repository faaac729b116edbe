using System.Globalization;
using System.IO;
using System.Linq;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>The process an `exec` runs: a --process file, or the container's process with the flags applied (runc's rules).</summary>
public static class ExecProcess
{
    public static Process Build(Process? container, ExecOptions options)
    {
        if (options.ProcessFile is not null)
            return Read(options.ProcessFile);
        if (options.Args.Count == 0)
            throw new RuntimeException("process args cannot be empty");
        var p = container ?? new Process { Cwd = "/" };
        var caps = p.Capabilities;
        if (options.Caps.Count > 0)
        {
            var c = caps ?? new Capabilities();
            caps = c with
            {
                Bounding = [.. c.Bounding ?? [], .. options.Caps],
                Effective = [.. c.Effective ?? [], .. options.Caps],
                Permitted = [.. c.Permitted ?? [], .. options.Caps],
                // Ambient needs the inheritable bit, which --cap does not set:
                // only when the config has an inheritable set (runc's rule).
                Ambient = c.Inheritable is null ? c.Ambient : [.. c.Ambient ?? [], .. options.Caps],
            };
        }
        var user = p.User;
        if (!string.IsNullOrEmpty(options.User))
            user = ParseUser(options.User, user);
        if (options.AdditionalGids.Count > 0)
            user = user with { AdditionalGids = [.. user.AdditionalGids ?? [], .. options.AdditionalGids] };
        return p with
        {
            Args = options.Args.ToArray(),
            Cwd = string.IsNullOrEmpty(options.Cwd) ? p.Cwd : options.Cwd,
            Env = [.. p.Env ?? [], .. options.Env],
            // The container's terminal setting is never inherited: only -t asks for one.
            Terminal = options.Tty,
            ConsoleSize = null,
            NoNewPrivileges = options.NoNewPrivileges ?? p.NoNewPrivileges,
            ApparmorProfile = string.IsNullOrEmpty(options.Apparmor) ? p.ApparmorProfile : options.Apparmor,
            SelinuxLabel = string.IsNullOrEmpty(options.ProcessLabel) ? p.SelinuxLabel : options.ProcessLabel,
            Capabilities = caps,
            User = user,
            // The container init's score already applies: exec'd processes inherit it.
            OomScoreAdj = null,
        };
    }

    /// <summary>"uid" or "uid:gid", numeric; the gid stays the container's when omitted.</summary>
    public static User ParseUser(string text, User current)
    {
        var parts = text.Split(':', 2);
        if (!uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint uid))
            throw new RuntimeException($"parsing {parts[0]} as int: invalid syntax (--user takes uid[:gid])");
        var u = current with { Uid = uid };
        if (parts.Length == 2)
        {
            if (!uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out uint gid))
                throw new RuntimeException($"parsing {parts[1]} as int: invalid syntax (--user takes uid[:gid])");
            u = u with { Gid = gid };
        }
        return u;
    }

    private static Process Read(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new RuntimeException($"open `{path}`: {e.Message}", e);
        }
        var p = SpecReader.ReadProcess(raw, path);
        if (p.Args is null || p.Args.Length == 0)
            throw new RuntimeException("args must not be empty");
        return p;
    }
}
