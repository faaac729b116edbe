using System.Collections.Generic;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Planning;

/// <summary>
/// The mount options of config.md "Mounts" (and mount(8) for their meaning),
/// sorted by the kernel interface that implements them. Anything not listed
/// is a filesystem-specific option and goes into mount(2)'s data string, as
/// the spec recommends.
/// </summary>
public static class MountOptionTable
{
    /// <summary>mount(2) flags: an option sets some flags and clears others, applied left to right.</summary>
    public static readonly IReadOnlyDictionary<string, (MountFlags Set, MountFlags Clear)> Flags =
        new Dictionary<string, (MountFlags, MountFlags)>
        {
            ["defaults"] = (MountFlags.None, MountFlags.None),
            ["ro"] = (MountFlags.ReadOnly, MountFlags.None),
            ["rw"] = (MountFlags.None, MountFlags.ReadOnly),
            ["suid"] = (MountFlags.None, MountFlags.NoSuid),
            ["nosuid"] = (MountFlags.NoSuid, MountFlags.None),
            ["dev"] = (MountFlags.None, MountFlags.NoDev),
            ["nodev"] = (MountFlags.NoDev, MountFlags.None),
            ["exec"] = (MountFlags.None, MountFlags.NoExec),
            ["noexec"] = (MountFlags.NoExec, MountFlags.None),
            ["sync"] = (MountFlags.Synchronous, MountFlags.None),
            ["async"] = (MountFlags.None, MountFlags.Synchronous),
            ["dirsync"] = (MountFlags.DirSync, MountFlags.None),
            ["remount"] = (MountFlags.Remount, MountFlags.None),
            ["mand"] = (MountFlags.MandLock, MountFlags.None),
            ["nomand"] = (MountFlags.None, MountFlags.MandLock),
            ["atime"] = (MountFlags.None, MountFlags.NoAtime),
            ["noatime"] = (MountFlags.NoAtime, MountFlags.None),
            ["diratime"] = (MountFlags.None, MountFlags.NoDirAtime),
            ["nodiratime"] = (MountFlags.NoDirAtime, MountFlags.None),
            ["relatime"] = (MountFlags.RelAtime, MountFlags.None),
            ["norelatime"] = (MountFlags.None, MountFlags.RelAtime),
            ["strictatime"] = (MountFlags.StrictAtime, MountFlags.None),
            ["nostrictatime"] = (MountFlags.None, MountFlags.StrictAtime),
            ["lazytime"] = (MountFlags.LazyTime, MountFlags.None),
            ["nolazytime"] = (MountFlags.None, MountFlags.LazyTime),
            ["silent"] = (MountFlags.Silent, MountFlags.None),
            ["loud"] = (MountFlags.None, MountFlags.Silent),
            ["iversion"] = (MountFlags.IVersion, MountFlags.None),
            ["noiversion"] = (MountFlags.None, MountFlags.IVersion),
            ["nosymfollow"] = (MountFlags.NoSymFollow, MountFlags.None),
            ["symfollow"] = (MountFlags.None, MountFlags.NoSymFollow),
        };

    /// <summary>Propagation changes; the kernel takes one per mount(2) call.</summary>
    public static readonly IReadOnlyDictionary<string, MountFlags> Propagation =
        new Dictionary<string, MountFlags>
        {
            ["private"] = MountFlags.Private,
            ["rprivate"] = MountFlags.Private | MountFlags.Recursive,
            ["shared"] = MountFlags.Shared,
            ["rshared"] = MountFlags.Shared | MountFlags.Recursive,
            ["slave"] = MountFlags.Slave,
            ["rslave"] = MountFlags.Slave | MountFlags.Recursive,
            ["unbindable"] = MountFlags.Unbindable,
            ["runbindable"] = MountFlags.Unbindable | MountFlags.Recursive,
        };

    /// <summary>
    /// Recursive attributes (mount_setattr with AT_RECURSIVE). Atime options name a
    /// mode of the 3-bit atime field rather than a flag, hence the separate table.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (MountAttributes Set, MountAttributes Clear)> RecursiveAttributes =
        new Dictionary<string, (MountAttributes, MountAttributes)>
        {
            ["rro"] = (MountAttributes.ReadOnly, MountAttributes.None),
            ["rrw"] = (MountAttributes.None, MountAttributes.ReadOnly),
            ["rnosuid"] = (MountAttributes.NoSuid, MountAttributes.None),
            ["rsuid"] = (MountAttributes.None, MountAttributes.NoSuid),
            ["rnodev"] = (MountAttributes.NoDev, MountAttributes.None),
            ["rdev"] = (MountAttributes.None, MountAttributes.NoDev),
            ["rnoexec"] = (MountAttributes.NoExec, MountAttributes.None),
            ["rexec"] = (MountAttributes.None, MountAttributes.NoExec),
            ["rnodiratime"] = (MountAttributes.NoDirAtime, MountAttributes.None),
            ["rdiratime"] = (MountAttributes.None, MountAttributes.NoDirAtime),
            ["rnosymfollow"] = (MountAttributes.NoSymFollow, MountAttributes.None),
            ["rsymfollow"] = (MountAttributes.None, MountAttributes.NoSymFollow),
        };

    /// <summary>Recursive atime options and the atime mode each selects.</summary>
    public static readonly IReadOnlyDictionary<string, MountAttributes> RecursiveAtime =
        new Dictionary<string, MountAttributes>
        {
            ["rnoatime"] = MountAttributes.NoAtime,
            ["ratime"] = MountAttributes.RelAtime,
            ["rrelatime"] = MountAttributes.RelAtime,
            ["rnorelatime"] = MountAttributes.StrictAtime,
            ["rstrictatime"] = MountAttributes.StrictAtime,
            ["rnostrictatime"] = MountAttributes.RelAtime,
        };

    /// <summary>Options the runtime recognises but does not implement; using them is an error, not a silent no-op.</summary>
    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string> { "tmpcopyup" };

    /// <summary>Options that only switch off an extension the runtime does not perform anyway.</summary>
    public static readonly IReadOnlySet<string> NoOps = new HashSet<string> { "notmpcopyup" };

    /// <param name="jsonPath">Where the options live in config.json, e.g. "mounts[3].options".</param>
    public static ParsedMountOptions Parse(IReadOnlyList<string>? options, string jsonPath)
    {
        var flags = MountFlags.None;
        var propagation = new List<MountFlags>();
        var attrSet = MountAttributes.None;
        var attrClear = MountAttributes.None;
        bool bind = false, rbind = false, explicitRw = false;
        var data = new List<string>();

        foreach (var option in options ?? [])
        {
            if (option == "bind")
                bind = true;
            else if (option == "rbind")
                bind = rbind = true;
            else if (Flags.TryGetValue(option, out var f))
            {
                flags = (flags | f.Set) & ~f.Clear;
                if (option == "rw")
                    explicitRw = true;
                else if (option == "ro")
                    explicitRw = false;
            }
            else if (Propagation.TryGetValue(option, out var p))
                propagation.Add(p);
            else if (RecursiveAttributes.TryGetValue(option, out var a))
            {
                attrSet = (attrSet | a.Set) & ~a.Clear;
                attrClear = (attrClear | a.Clear) & ~a.Set;
            }
            else if (RecursiveAtime.TryGetValue(option, out var mode))
            {
                // mount_setattr(2): an atime mode in attr_set requires the whole
                // MOUNT_ATTR__ATIME field in attr_clr, else EINVAL.
                attrSet = (attrSet & ~MountAttributes.AtimeMask) | mode;
                attrClear |= MountAttributes.AtimeMask;
            }
            else if (Unsupported.Contains(option))
                throw new RuntimeException($"config.json: {jsonPath}: \"{option}\" is not supported yet");
            else if (NoOps.Contains(option))
                continue;
            else if (option.Length == 0)
                throw new RuntimeException($"config.json: {jsonPath}: empty option");
            else
                data.Add(option);
        }

        return new ParsedMountOptions
        {
            Flags = flags,
            Propagation = propagation,
            AttrSet = attrSet,
            AttrClear = attrClear,
            Bind = bind,
            RecursiveBind = rbind,
            ExplicitReadWrite = explicitRw,
            Data = string.Join(',', data),
        };
    }
}
