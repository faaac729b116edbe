namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>One write(2) of <see cref="Content"/> to a control file, as planned before it is applied.</summary>
public sealed record CgroupWrite(string File, string Content);
