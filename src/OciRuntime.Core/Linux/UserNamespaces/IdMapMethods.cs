using System.Collections.Generic;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Linux.UserNamespaces;

/// <summary>How each map gets written: by the runtime itself, or by newuidmap/newgidmap.</summary>
public sealed record IdMapMethods(bool UidDirect, bool GidDirect)
{
    /// <summary>
    /// Root (euid 0 in the initial user namespace) writes everything. Anyone
    /// else writes only a single line mapping exactly their own id, the one
    /// case the kernel allows without CAP_SETUID/CAP_SETGID.
    /// </summary>
    public static IdMapMethods Choose(IReadOnlyList<IdMapping> uids, IReadOnlyList<IdMapping> gids, uint euid, uint egid) =>
        euid == 0
            ? new IdMapMethods(true, true)
            : new IdMapMethods(OnlySelf(uids, euid), OnlySelf(gids, egid));

    static bool OnlySelf(IReadOnlyList<IdMapping> maps, uint id) =>
        maps.Count == 1 && maps[0].Size == 1 && maps[0].HostId == id;

    /// <summary>
    /// The first line newuidmap/newgidmap would refuse: not inside a range
    /// granted by /etc/sub[ug]id. A size-1 line of the caller's own id is
    /// always allowed (shadow's helpers accept it without an entry).
    /// </summary>
    public static (int Index, IdMapping Map)? FirstUngranted(IReadOnlyList<IdMapping> maps, IReadOnlyList<(uint First, uint Count)> granted, uint ownId)
    {
        for (int i = 0; i < maps.Count; i++)
        {
            var m = maps[i];
            if (m.Size == 1 && m.HostId == ownId)
                continue;
            if (!SubordinateIds.Covers(granted, m.HostId, m.Size))
                return (i, m);
        }
        return null;
    }
}
