using System.Collections.Generic;

namespace OciRuntime.Core.Linux.Mounts;

/// <summary>One line of /proc/PID/mountinfo (proc(5)), paths unescaped.</summary>
public sealed record MountInfoEntry(
    int Id, int ParentId, string Root, string MountPoint, IReadOnlyList<string> OptionalFields,
    string FsType, string Source, string SuperOptions);
