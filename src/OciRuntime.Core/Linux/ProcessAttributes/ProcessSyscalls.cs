using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>
/// The real <see cref="IProcessSyscalls"/>. Capability and prctl state is per
/// thread: call everything from the thread that will execve.
/// </summary>
public sealed class ProcessSyscalls : IProcessSyscalls
{
    public unsafe string? ReadFile(string path)
    {
        int fd = Libc.Open(path, Flags.O_RDONLY | Flags.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int errno = Libc.Errno;
            if (errno == Flags.ENOENT)
                return null;
            throw new SyscallException($"open `{path}`", errno);
        }
        try
        {
            var buffer = new byte[4096];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                nint n;
                fixed (byte* p = &buffer[total])
                    n = Libc.Read(fd, p, (nuint)(buffer.Length - total));
                if (n < 0)
                {
                    if (Libc.Errno == Flags.EINTR)
                        continue;
                    throw new SyscallException($"read `{path}`", Libc.Errno);
                }
                if (n == 0)
                    break;
                total += (int)n;
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    public unsafe void WriteFile(string path, string content)
    {
        int fd = SyscallException.Check(Libc.Open(path, Flags.O_WRONLY | Flags.O_CLOEXEC, 0), $"open `{path}`");
        try
        {
            byte[] bytes = Encoding.UTF8.GetBytes(content);
            // A /proc or /proc/sys file takes its value in one write; a short
            // write would hand the kernel a truncated value.
            fixed (byte* p = bytes)
            {
                nint n;
                do
                    n = Libc.Write(fd, p, (nuint)bytes.Length);
                while (n < 0 && Libc.Errno == Flags.EINTR);
                if (n < 0)
                    throw new SyscallException($"write `{path}`", Libc.Errno);
                if (n != bytes.Length)
                    throw new RuntimeException($"write `{path}`: short write ({n} of {bytes.Length} bytes)");
            }
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    public unsafe void SetRlimit(int resource, ulong soft, ulong hard)
    {
        var limit = new Libc.RLimit { Current = soft, Maximum = hard };
        SyscallException.Check(Libc.Prlimit(0, resource, &limit, null), $"setrlimit `{resource}`");
    }

    public unsafe void SetHostname(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes)
            SyscallException.Check(Libc.SetHostname(p, (nuint)bytes.Length), $"sethostname `{name}`");
    }

    public unsafe void SetDomainname(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes)
            SyscallException.Check(Libc.SetDomainname(p, (nuint)bytes.Length), $"setdomainname `{name}`");
    }

    public void Chdir(string path) => SyscallException.Check(Libc.Chdir(path), $"chdir `{path}`");

    public void SetKeepCaps(bool keep) =>
        SyscallException.Check(Libc.Prctl(ProcessFlags.PR_SET_KEEPCAPS, keep ? 1u : 0u, 0, 0, 0), $"prctl `PR_SET_KEEPCAPS {(keep ? 1 : 0)}`");

    public unsafe void SetGroups(IReadOnlyList<uint> gids)
    {
        var array = new uint[gids.Count];
        for (int i = 0; i < array.Length; i++)
            array[i] = gids[i];
        fixed (uint* p = array)
            SyscallException.Check(Libc.SetGroups(Libc.SYS_setgroups, (nuint)array.Length, p), $"setgroups `{string.Join(',', array)}`");
    }

    public void SetResGid(uint gid) => SyscallException.Check(Libc.SetResGid(Libc.SYS_setresgid, gid, gid, gid), $"setresgid `{gid}`");

    public void SetResUid(uint uid) => SyscallException.Check(Libc.SetResUid(Libc.SYS_setresuid, uid, uid, uid), $"setresuid `{uid}`");

    public unsafe (ulong Effective, ulong Permitted, ulong Inheritable) CapGet()
    {
        var header = new Libc.CapUserHeader { Version = ProcessFlags.LINUX_CAPABILITY_VERSION_3, Pid = 0 };
        var data = stackalloc Libc.CapUserData[2];
        SyscallException.Check(Libc.CapGet(&header, data), "capget `self`");
        return (Join(data[0].Effective, data[1].Effective),
                Join(data[0].Permitted, data[1].Permitted),
                Join(data[0].Inheritable, data[1].Inheritable));
    }

    public unsafe void CapSet(ulong effective, ulong permitted, ulong inheritable)
    {
        var header = new Libc.CapUserHeader { Version = ProcessFlags.LINUX_CAPABILITY_VERSION_3, Pid = 0 };
        // Version 3 carries each 64-bit set as two 32-bit halves, low half first.
        var data = stackalloc Libc.CapUserData[2];
        data[0] = new Libc.CapUserData { Effective = (uint)effective, Permitted = (uint)permitted, Inheritable = (uint)inheritable };
        data[1] = new Libc.CapUserData { Effective = (uint)(effective >> 32), Permitted = (uint)(permitted >> 32), Inheritable = (uint)(inheritable >> 32) };
        SyscallException.Check(Libc.CapSet(&header, data),
            $"capset `effective 0x{effective:x}, permitted 0x{permitted:x}, inheritable 0x{inheritable:x}`");
    }

    public void DropBounding(int capability) =>
        SyscallException.Check(Libc.Prctl(ProcessFlags.PR_CAPBSET_DROP, (nuint)capability, 0, 0, 0),
            $"prctl `PR_CAPBSET_DROP {Planning.CapabilityNames.NameOf(capability)}`");

    public void ClearAmbient() =>
        SyscallException.Check(Libc.Prctl(ProcessFlags.PR_CAP_AMBIENT, ProcessFlags.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0),
            "prctl `PR_CAP_AMBIENT_CLEAR_ALL`");

    public void RaiseAmbient(int capability) =>
        SyscallException.Check(Libc.Prctl(ProcessFlags.PR_CAP_AMBIENT, ProcessFlags.PR_CAP_AMBIENT_RAISE, (nuint)capability, 0, 0),
            $"prctl `PR_CAP_AMBIENT_RAISE {Planning.CapabilityNames.NameOf(capability)}`");

    public void SetNoNewPrivileges() =>
        SyscallException.Check(Libc.Prctl(ProcessFlags.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl `PR_SET_NO_NEW_PRIVS`");

    public void SetUmask(uint mask) => Libc.Umask(mask);

    public void SetPersonality(uint persona) =>
        SyscallException.Check(Libc.Personality(persona), $"personality `0x{persona:x}`");

    public void SetIoPriority(int ioprio) =>
        SyscallException.Check(Libc.IoprioSet(Libc.SYS_ioprio_set, Libc.IOPRIO_WHO_PROCESS, 0, ioprio), $"ioprio_set `0x{ioprio:x}`");

    public unsafe void SetScheduler(SchedulerAttributes a)
    {
        // struct sched_attr, SCHED_ATTR_SIZE_VER1 (56 bytes): size, policy,
        // flags, nice, priority, runtime, deadline, period, util_min, util_max.
        // Kernels that know only VER0 accept the larger size as long as the
        // tail is zero, which it is (the spec has no clamp values).
        const int size = 56;
        byte* attr = stackalloc byte[size];
        new Span<byte>(attr, size).Clear();
        *(uint*)attr = size;
        *(uint*)(attr + 4) = a.Policy;
        *(ulong*)(attr + 8) = a.Flags;
        *(int*)(attr + 16) = a.Nice;
        *(uint*)(attr + 20) = a.Priority;
        *(ulong*)(attr + 24) = a.Runtime;
        *(ulong*)(attr + 32) = a.Deadline;
        *(ulong*)(attr + 40) = a.Period;
        SyscallException.Check(Libc.SchedSetattr(Libc.SYS_sched_setattr, 0, attr, 0), $"sched_setattr `policy {a.Policy}, flags 0x{a.Flags:x}`");
    }

    public unsafe void SetCpuAffinity(int pid, ulong[] mask)
    {
        fixed (ulong* p = mask)
            SyscallException.Check(Libc.SchedSetaffinity(pid, (nuint)(mask.Length * sizeof(ulong)), p), $"sched_setaffinity `{pid}`");
    }

    private static ulong Join(uint low, uint high) => low | ((ulong)high << 32);
}
