namespace OciRuntime.Core.Validation;

/// <summary>One failed rule at one place in the validated document.</summary>
internal sealed record JsonSchemaError(JsonSchemaInstancePath Path, string Rule);
