namespace OciRuntime.Core.Planning;

/// <summary>
/// One argument comparison of a rule, in libseccomp's terms (struct
/// scmp_arg_cmp): for SCMP_CMP_MASKED_EQ, <see cref="Value"/> is the mask and
/// <see cref="ValueTwo"/> the value the masked argument must equal.
/// </summary>
public sealed record SeccompCondition(uint Index, int Operator, ulong Value, ulong ValueTwo);
