using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OciRuntime.Core.Interop;
using OciRuntime.Core.Operations;
using OciRuntime.Core.Planning;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>
/// Writes /proc/PID/uid_map and gid_map of a process that has just created a
/// user namespace. Root writes any map itself. A non-root caller may write
/// only a one-line map of its own id, and for gid_map only after denying
/// setgroups(2) (user_namespaces(7), CVE-2014-8989); anything else goes
/// through the setuid helpers newuidmap/newgidmap, which map the ranges
/// /etc/subuid and /etc/subgid grant the user.
/// </summary>
public static class IdMapWriter
{
    /// <summary>Where the helpers are looked for when PATH does not have them.</summary>
    static readonly string[] HelperDirs = ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"];

    public static void Write(int pid, IReadOnlyList<IdMapping> uids, IReadOnlyList<IdMapping> gids, string at = "linux")
    {
        uint euid = Libc.GetEuid(), egid = Libc.GetEgid();
        var how = IdMapMethods.Choose(uids, gids, euid, egid);
        if (!how.UidDirect || !how.GidDirect)
            CheckHelpersUsable(uids, gids, how, euid, egid, at);

        if (how.UidDirect)
            WriteProc(pid, "uid_map", NamespacePlanner.IdMapText(uids));
        else
            RunHelper("newuidmap", pid, uids);

        if (how.GidDirect)
        {
            if (euid != 0)
                WriteProc(pid, "setgroups", "deny");
            WriteProc(pid, "gid_map", NamespacePlanner.IdMapText(gids));
        }
        else
            RunHelper("newgidmap", pid, gids);
    }

    /// <summary>Refuses, with what to install or configure, before any helper runs.</summary>
    static void CheckHelpersUsable(IReadOnlyList<IdMapping> uids, IReadOnlyList<IdMapping> gids, IdMapMethods how, uint euid, uint egid, string at)
    {
        string user = Owner.Lookup(euid, "/etc/passwd");
        foreach (var (direct, helper, file, maps, field, id) in new[]
        {
            (how.UidDirect, "newuidmap", "/etc/subuid", uids, "uidMappings", euid),
            (how.GidDirect, "newgidmap", "/etc/subgid", gids, "gidMappings", egid),
        })
        {
            if (direct)
                continue;
            if (FindHelper(helper) is null)
                throw new RuntimeException(
                    $"{at}.{field}: mapping more than your own id as a non-root user needs {helper}, which is not installed: " +
                    "install the uidmap package (apt-get install uidmap; on Fedora/RHEL it is in shadow-utils)");
            string text = ReadOrEmpty(file);
            var granted = SubordinateIds.Ranges(text, user, id);
            var problem = IdMapMethods.FirstUngranted(maps, granted, id);
            if (problem is { } p)
                throw new RuntimeException(
                    $"{at}.{field}[{p.Index}]: host ids {Range(p.Map.HostId, p.Map.Size)} are not granted to user {user} in {file} " +
                    $"(granted: {SubordinateIds.Describe(granted)}): add a line \"{user}:{p.Map.HostId}:{p.Map.Size}\" to {file} " +
                    $"(usermod --add-sub{(helper == "newuidmap" ? "uids" : "gids")} {Range(p.Map.HostId, p.Map.Size)} {user})");
        }
    }

    static string Range(uint first, uint size) => size == 1 ? $"{first}" : $"{first}-{(ulong)first + size - 1}";

    static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    internal static string? FindHelper(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(HelperDirs);
        foreach (var dir in dirs)
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
                return path;
        }
        return null;
    }

    static void RunHelper(string name, int pid, IReadOnlyList<IdMapping> maps)
    {
        var path = FindHelper(name)!;
        var argv = new List<string> { path, pid.ToString(CultureInfo.InvariantCulture) };
        foreach (var m in maps)
        {
            argv.Add(m.ContainerId.ToString(CultureInfo.InvariantCulture));
            argv.Add(m.HostId.ToString(CultureInfo.InvariantCulture));
            argv.Add(m.Size.ToString(CultureInfo.InvariantCulture));
        }
        string args = string.Join(' ', argv.GetRange(1, argv.Count - 1));
        ChildProcess.Result result;
        try
        {
            result = ChildProcess.Run(path, argv, null, default, null, TimeSpan.Zero);
        }
        catch (SyscallException e)
        {
            throw new RuntimeException($"{name} {args}: could not be started: {e.Message}");
        }
        if (result.ExitCode != 0)
        {
            var why = result.Stderr.Replace('\n', ' ').Trim();
            throw new RuntimeException($"{name} {args}: exit status {result.ExitCode}: {(why.Length == 0 ? "no message" : why)}" +
                " (is it setuid root or does it have cap_setuid/cap_setgid file capabilities?)");
        }
    }

    internal static void WriteProc(int pid, string name, string content)
    {
        string path = $"/proc/{pid}/{name}";
        try
        {
            // A single write(2): the kernel accepts each map file exactly once, whole.
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            var bytes = Encoding.ASCII.GetBytes(content);
            fs.Write(bytes, 0, bytes.Length);
        }
        catch (IOException e)
        {
            throw new RuntimeException($"write `{path}`: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RuntimeException($"write `{path}`: {e.Message}", e);
        }
    }
}
