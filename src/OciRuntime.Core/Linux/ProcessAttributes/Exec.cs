using System;
using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.ProcessAttributes;

/// <summary>The last step of the init: replace this process with the user's.</summary>
public static class Exec
{
    /// <summary>
    /// execve(2). Returns only by throwing. argv and envp are built in
    /// unmanaged memory so nothing the GC moves is handed to the kernel.
    /// </summary>
    public static unsafe void Execve(string path, string[] args, string[] env)
    {
        byte** argv = null;
        byte** envp = null;
        try
        {
            argv = ToNative(args);
            envp = ToNative(env);
            int errno;
            do
            {
                Libc.Execve(path, argv, envp);
                errno = Libc.Errno;
            }
            while (errno == Flags.EINTR);
            throw new SyscallException($"exec `{path}`", errno);
        }
        finally
        {
            Free(argv);
            Free(envp);
        }
    }

    /// <summary>_exit(2): leaves without running the runtime's shutdown, for a child that must not unwind.</summary>
    public static void ExitImmediately(int status) => Libc.Exit(status);

    internal static unsafe byte** ToNative(string[] strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(strings.Length + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < strings.Length; i++)
        {
            string s = strings[i];
            if (s.Contains('\0'))
            {
                Free(array);
                throw new ArgumentException($"argument {i} contains a NUL byte", nameof(strings));
            }
            int length = Encoding.UTF8.GetByteCount(s);
            byte* p = (byte*)NativeMemory.Alloc((nuint)(length + 1));
            Encoding.UTF8.GetBytes(s, new Span<byte>(p, length));
            p[length] = 0;
            array[i] = p;
        }
        // array[strings.Length] stays NULL: the terminator execve reads up to.
        return array;
    }

    internal static unsafe void Free(byte** array)
    {
        if (array == null)
            return;
        for (byte** p = array; *p != null; p++)
            NativeMemory.Free(*p);
        NativeMemory.Free(array);
    }
}
