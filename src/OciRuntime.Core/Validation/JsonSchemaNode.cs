using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OciRuntime.Core.Validation;

/// <summary>
/// One schema object, compiled: keywords parsed once, patterns built once,
/// <c>$ref</c> resolved to the target node on first use (cycles allowed).
/// </summary>
internal sealed class JsonSchemaNode
{
    /// <summary>Where the schema came from, e.g. <c>defs.json#/definitions/uint32</c>.</summary>
    public required string Location { get; init; }

    private Func<JsonSchemaNode>? _pendingRef;
    private JsonSchemaNode? _ref;

    /// <summary>
    /// Set for <c>$ref</c>; draft-04 ignores every sibling keyword then. The
    /// target is compiled when validation first reaches it: a config touches
    /// a small part of the schemas, and compiling all of them was most of
    /// the cost of validating one.
    /// </summary>
    public JsonSchemaNode? Ref => _ref ??= ResolvePending();

    internal bool HasPendingRef => _pendingRef is not null;

    internal void SetRef(Func<JsonSchemaNode> resolve) => _pendingRef = resolve;

    private JsonSchemaNode? ResolvePending()
    {
        if (_pendingRef is null)
            return null;
        var target = _pendingRef();
        _pendingRef = null;
        return target;
    }

    public JsonSchemaTypes Types { get; set; }

    public Dictionary<string, JsonSchemaNode>? Properties { get; set; }

    public (SchemaPattern Pattern, string Source, JsonSchemaNode Schema)[]? PatternProperties { get; set; }

    /// <summary>False forbids unlisted properties; a node validates them.</summary>
    public bool AdditionalPropertiesAllowed { get; set; } = true;

    public JsonSchemaNode? AdditionalProperties { get; set; }

    public string[]? Required { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    /// <summary>The single schema of <c>items</c> when it is an object.</summary>
    public JsonSchemaNode? Items { get; set; }

    /// <summary>The positional schemas of <c>items</c> when it is an array.</summary>
    public JsonSchemaNode[]? TupleItems { get; set; }

    public bool AdditionalItemsAllowed { get; set; } = true;

    public JsonSchemaNode? AdditionalItems { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public SchemaPattern? Pattern { get; set; }

    public string? PatternSource { get; set; }

    public byte[]? Minimum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public byte[]? Maximum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public JsonElement[]? Enum { get; set; }

    public JsonSchemaNode[]? AllOf { get; set; }

    public JsonSchemaNode[]? AnyOf { get; set; }

    public JsonSchemaNode[]? OneOf { get; set; }

    public JsonSchemaNode? Not { get; set; }
}
