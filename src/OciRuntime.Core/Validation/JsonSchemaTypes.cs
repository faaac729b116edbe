using System;

namespace OciRuntime.Core.Validation;

/// <summary>The JSON Schema draft-04 primitive types, as a set.</summary>
[Flags]
internal enum JsonSchemaTypes
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Number = 8,
    Integer = 16,
    Boolean = 32,
    Null = 64,
}
