namespace OciRuntime.Core.Planning;

/// <summary>One resource limit to set: resource number, name for messages, soft and hard values.</summary>
public sealed record RlimitPlan(int Resource, string Name, ulong Soft, ulong Hard);
