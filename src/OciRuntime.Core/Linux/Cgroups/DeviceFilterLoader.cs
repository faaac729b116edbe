using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Cgroups;

/// <summary>
/// Loads a device filter with bpf(2) and attaches it to a v2 cgroup,
/// replacing the filters attached there before.
/// </summary>
internal static unsafe class DeviceFilterLoader
{
    // Commands, types and flags from include/uapi/linux/bpf.h.
    private const int BpfProgLoad = 5;
    private const int BpfProgAttach = 8;
    private const int BpfProgDetach = 9;
    private const int BpfProgGetFdById = 13;
    private const int BpfProgQuery = 16;
    private const uint ProgTypeCgroupDevice = 15;
    private const uint AttachCgroupDevice = 6;
    private const uint FAllowMulti = 2;
    private const int Enoent = 2;
    private const int AttrSize = 128;
    private const int LogSize = 64 * 1024;

    /// <summary>
    /// Attaches the new program before detaching the old ones, so the cgroup
    /// is never without a filter; with BPF_F_ALLOW_MULTI both apply for that
    /// moment and a device must pass each (kernel/bpf/cgroup.c runs them all).
    /// </summary>
    public static void Replace(string cgroupDir, IReadOnlyList<ulong> program)
    {
        var dirFd = SyscallException.Check(Libc.Open(cgroupDir, Flags.O_RDONLY | Flags.O_DIRECTORY | Flags.O_CLOEXEC, 0), $"open `{cgroupDir}`");
        try
        {
            var old = Query(dirFd, cgroupDir);
            var progFd = Load(program);
            try
            {
                Attach(dirFd, progFd, cgroupDir);
            }
            finally
            {
                Libc.Close(progFd);
            }
            foreach (var id in old)
                Detach(dirFd, id, cgroupDir);
        }
        finally
        {
            Libc.Close(dirFd);
        }
    }

    private static int Load(IReadOnlyList<ulong> program)
    {
        var insns = new ulong[program.Count];
        for (var i = 0; i < insns.Length; i++)
            insns[i] = program[i];
        var fd = Load(insns, null);
        if (fd >= 0)
            return (int)fd;
        // Load again with the verifier log only to say why: with a log an
        // oversized report alone can fail a load that would succeed.
        var errno = Marshal.GetLastPInvokeError();
        var log = new byte[LogSize];
        fd = Load(insns, log);
        if (fd >= 0)
            return (int)fd;
        var end = Array.IndexOf(log, (byte)0);
        var detail = Encoding.UTF8.GetString(log, 0, end < 0 ? log.Length : end).Trim().Replace('\n', ' ');
        throw new SyscallException("load device filter" + (detail.Length > 0 ? $" ({detail})" : ""), errno);
    }

    private static long Load(ulong[] insns, byte[]? log)
    {
        // Device programs call no GPL-only helper, so any license loads.
        var license = "Apache-2.0\0"u8;
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        fixed (ulong* code = insns)
        fixed (byte* lic = license)
        fixed (byte* logBuf = log)
        {
            *(uint*)(attr + 0) = ProgTypeCgroupDevice;
            *(uint*)(attr + 4) = (uint)insns.Length;
            *(ulong*)(attr + 8) = (ulong)code;
            *(ulong*)(attr + 16) = (ulong)lic;
            if (log is not null)
            {
                *(uint*)(attr + 24) = 1;
                *(uint*)(attr + 28) = (uint)log.Length;
                *(ulong*)(attr + 32) = (ulong)logBuf;
            }
            return Libc.Bpf(Libc.SYS_bpf, BpfProgLoad, attr, AttrSize);
        }
    }

    private static void Attach(int dirFd, int progFd, string cgroupDir)
    {
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)(attr + 0) = (uint)dirFd;
        *(uint*)(attr + 4) = (uint)progFd;
        *(uint*)(attr + 8) = AttachCgroupDevice;
        *(uint*)(attr + 12) = FAllowMulti;
        SyscallException.Check((int)Libc.Bpf(Libc.SYS_bpf, BpfProgAttach, attr, AttrSize), $"attach device filter to `{cgroupDir}`");
    }

    /// <summary>The ids of the device programs attached to <paramref name="cgroupDir"/> itself (not inherited ones).</summary>
    internal static List<uint> Attached(string cgroupDir)
    {
        var dirFd = SyscallException.Check(Libc.Open(cgroupDir, Flags.O_RDONLY | Flags.O_DIRECTORY | Flags.O_CLOEXEC, 0), $"open `{cgroupDir}`");
        try
        {
            return Query(dirFd, cgroupDir);
        }
        finally
        {
            Libc.Close(dirFd);
        }
    }

    /// <summary>The ids of the device programs attached to this cgroup itself (not inherited ones).</summary>
    private static List<uint> Query(int dirFd, string cgroupDir)
    {
        var ids = new uint[64];
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        fixed (uint* idBuf = ids)
        {
            *(uint*)(attr + 0) = (uint)dirFd;
            *(uint*)(attr + 4) = AttachCgroupDevice;
            *(ulong*)(attr + 16) = (ulong)idBuf;
            *(uint*)(attr + 24) = (uint)ids.Length;
            SyscallException.Check((int)Libc.Bpf(Libc.SYS_bpf, BpfProgQuery, attr, AttrSize), $"query device filters of `{cgroupDir}`");
        }
        var count = Math.Min(*(uint*)(attr + 24), (uint)ids.Length);
        var result = new List<uint>();
        for (var i = 0; i < count; i++)
            result.Add(ids[i]);
        return result;
    }

    private static void Detach(int dirFd, uint id, string cgroupDir)
    {
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)(attr + 0) = id;
        var progFd = Libc.Bpf(Libc.SYS_bpf, BpfProgGetFdById, attr, AttrSize);
        if (progFd < 0)
        {
            // Already gone: another detach raced with this one.
            if (Marshal.GetLastPInvokeError() == Enoent)
                return;
            SyscallException.Check((int)progFd, $"open device filter {id} of `{cgroupDir}`");
        }
        try
        {
            new Span<byte>(attr, AttrSize).Clear();
            *(uint*)(attr + 0) = (uint)dirFd;
            *(uint*)(attr + 4) = (uint)progFd;
            *(uint*)(attr + 8) = AttachCgroupDevice;
            SyscallException.Check((int)Libc.Bpf(Libc.SYS_bpf, BpfProgDetach, attr, AttrSize), $"detach device filter {id} from `{cgroupDir}`");
        }
        finally
        {
            Libc.Close((int)progFd);
        }
    }
}
