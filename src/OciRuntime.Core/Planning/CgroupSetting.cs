namespace OciRuntime.Core.Planning;

/// <summary>
/// One planned write of <see cref="Value"/> to the control file <see cref="File"/>
/// of <see cref="Controller"/>'s cgroup directory. <see cref="JsonPath"/> names
/// the linux.resources field it comes from and <see cref="Origin"/> the
/// document ("config.json", "update"), for error messages.
/// </summary>
public sealed record CgroupSetting(string Controller, string File, string Value, string JsonPath, string Origin = "config.json");
