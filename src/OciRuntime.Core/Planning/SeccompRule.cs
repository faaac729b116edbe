namespace OciRuntime.Core.Planning;

/// <summary>
/// One libseccomp rule: the syscall by name (resolved when compiling, since
/// only libseccomp knows the numbers), the action value, and the conditions
/// that must all hold.
/// </summary>
public sealed record SeccompRule(string Syscall, uint Action, SeccompCondition[] Conditions);
