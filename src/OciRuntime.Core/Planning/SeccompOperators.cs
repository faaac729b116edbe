using System.Collections.Generic;

namespace OciRuntime.Core.Planning;

/// <summary>SCMP_CMP_* names and their enum scmp_compare values in seccomp.h.</summary>
public static class SeccompOperators
{
    public const int MaskedEqual = 7;

    public static readonly IReadOnlyDictionary<string, int> ByName = new Dictionary<string, int>
    {
        ["SCMP_CMP_NE"] = 1,
        ["SCMP_CMP_LT"] = 2,
        ["SCMP_CMP_LE"] = 3,
        ["SCMP_CMP_EQ"] = 4,
        ["SCMP_CMP_GE"] = 5,
        ["SCMP_CMP_GT"] = 6,
        ["SCMP_CMP_MASKED_EQ"] = MaskedEqual,
    };
}
