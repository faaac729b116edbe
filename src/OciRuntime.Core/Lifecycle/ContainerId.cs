using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// The container id rule. An id names a directory under the state root, so it
/// must never be able to leave it ("..", "/").
/// </summary>
public static class ContainerId
{
    /// <summary>NAME_MAX: the id is one path component of the state directory.</summary>
    public const int MaxLength = 255;

    /// <summary>Throws a <see cref="RuntimeException"/> with runc's wording when <paramref name="id"/> is not a valid id.</summary>
    public static void Validate(string id)
    {
        var error = Check(id);
        if (error != null)
            throw new RuntimeException(error);
    }

    public static bool IsValid(string id) => Check(id) == null;

    /// <summary>The error text for <paramref name="id"/>, or null when it is valid.</summary>
    public static string? Check(string id)
    {
        if (id.Length == 0)
            return "container id cannot be empty";
        if (id.Length > MaxLength || id == "." || id == "..")
            return "invalid container ID format";
        foreach (var c in id)
        {
            if (!IsIdChar(c))
                return "invalid container ID format";
        }
        return null;
    }

    // runc accepts [A-Za-z0-9_] and the range '+'..'.' of its pattern, which
    // also covers ','; engines may already have containers named that way.
    private static bool IsIdChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or >= '+' and <= '.';
}
