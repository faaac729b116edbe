using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>Walks D-Bus type signatures (D-Bus specification, "Type System").</summary>
public static class DbusSignature
{
    /// <summary>Index just past the single complete type that starts at <paramref name="start"/>.</summary>
    public static int EndOf(string signature, int start)
    {
        if (start >= signature.Length)
            throw new DbusFormatException($"signature \"{signature}\" ends where a type was expected");
        switch (signature[start])
        {
            case 'a':
                return EndOf(signature, start + 1);
            case '(':
            case '{':
                {
                    char close = signature[start] == '(' ? ')' : '}';
                    int i = start + 1;
                    while (i < signature.Length && signature[i] != close)
                        i = EndOf(signature, i);
                    if (i >= signature.Length)
                        throw new DbusFormatException($"signature \"{signature}\" has an unclosed '{signature[start]}'");
                    return i + 1;
                }
            case 'y' or 'b' or 'n' or 'q' or 'i' or 'u' or 'x' or 't' or 'd' or 's' or 'o' or 'g' or 'v' or 'h':
                return start + 1;
            default:
                throw new DbusFormatException($"signature \"{signature}\" has the unknown type code '{signature[start]}'");
        }
    }

    /// <summary>The complete types of a message body signature, e.g. "ssa(sv)" → "s", "s", "a(sv)".</summary>
    public static IReadOnlyList<string> Split(string signature)
    {
        var types = new List<string>();
        for (int i = 0; i < signature.Length;)
        {
            int end = EndOf(signature, i);
            types.Add(signature[i..end]);
            i = end;
        }
        return types;
    }

    /// <summary>The boundary a value of this type starts on.</summary>
    public static int Alignment(char code) => code switch
    {
        'y' or 'g' or 'v' => 1,
        'n' or 'q' => 2,
        'x' or 't' or 'd' or '(' or '{' => 8,
        _ => 4,
    };
}
