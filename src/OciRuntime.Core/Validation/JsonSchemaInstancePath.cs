using System.Text;

namespace OciRuntime.Core.Validation;

/// <summary>
/// Where a value sits in the validated document: a parent link per step, so
/// walking a valid document allocates one small object per visited value and
/// the text is built only when an error is reported.
/// </summary>
internal sealed class JsonSchemaInstancePath
{
    private JsonSchemaInstancePath(JsonSchemaInstancePath? parent, string? name, int index, int ordinal)
    {
        Parent = parent;
        Name = name;
        Index = index;
        Ordinal = ordinal;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public static JsonSchemaInstancePath Root { get; } = new(null, null, -1, 0);

    public JsonSchemaInstancePath? Parent { get; }

    /// <summary>Property name, or null for an array element.</summary>
    public string? Name { get; }

    public int Index { get; }

    /// <summary>Position among the parent's members, for document order.</summary>
    public int Ordinal { get; }

    public int Depth { get; }

    public JsonSchemaInstancePath Property(string name, int ordinal) => new(this, name, -1, ordinal);

    public JsonSchemaInstancePath Item(int index) => new(this, null, index, index);

    /// <summary>The ordinals from the root down, used to sort errors in document order.</summary>
    public int[] Ordinals()
    {
        var result = new int[Depth];
        for (JsonSchemaInstancePath? p = this; p is not null && p.Parent is not null; p = p.Parent)
        {
            result[p.Depth - 1] = p.Ordinal;
        }
        return result;
    }

    /// <summary>
    /// <c>linux.namespaces[2].type</c>; names that are not plain identifiers
    /// (sysctl keys, annotations) are quoted: <c>linux.sysctl["net.ipv4.ip_forward"]</c>.
    /// The document itself is <c>(root)</c>.
    /// </summary>
    public override string ToString()
    {
        if (Parent is null)
        {
            return "(root)";
        }
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (Parent is null)
        {
            return;
        }
        Parent.Append(builder);
        if (Name is null)
        {
            builder.Append('[').Append(Index).Append(']');
        }
        else if (IsIdentifier(Name))
        {
            if (Parent.Parent is not null)
            {
                builder.Append('.');
            }
            builder.Append(Name);
        }
        else
        {
            builder.Append('[');
            JsonSchemaText.AppendQuoted(builder, Name);
            builder.Append(']');
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
