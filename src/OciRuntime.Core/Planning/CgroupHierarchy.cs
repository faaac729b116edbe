namespace OciRuntime.Core.Planning;

/// <summary>One cgroup v1 hierarchy of the host, and the container's cgroup in it.</summary>
/// <param name="Name">Directory name under the cgroup mount, e.g. "cpu,cpuacct" or "systemd".</param>
/// <param name="Options">mount -o value selecting the hierarchy, e.g. "cpu,cpuacct" or "name=systemd".</param>
/// <param name="HostMountpoint">Where the host mounts it, e.g. "/sys/fs/cgroup/cpu,cpuacct".</param>
/// <param name="CgroupPath">The container's cgroup relative to the root of that mount, e.g. "/ctr1".</param>
public sealed record CgroupHierarchy(string Name, string Options, string HostMountpoint, string CgroupPath);
