using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>
/// Splits "idmap" and "ridmap" off a mount's options: config.md says they
/// must not reach mount(2), they select mount_setattr(MOUNT_ATTR_IDMAP).
/// </summary>
public static class IdMapOptions
{
    public static (string[]? Options, bool IdMap, bool Recursive) Extract(string[]? options)
    {
        if (options is null)
            return (null, false, false);
        bool idmap = false, recursive = false;
        var rest = new List<string>(options.Length);
        foreach (var option in options)
        {
            if (option == "idmap")
                idmap = true;
            else if (option == "ridmap")
                idmap = recursive = true;
            else
                rest.Add(option);
        }
        return (rest.ToArray(), idmap, recursive);
    }
}
