using System.IO;
using System.Runtime.InteropServices;
using NUnit.Framework;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Linux.ProcessAttributes;

namespace OciRuntime.Tests.ProcessAttributes;

public class ExecTests
{
    [Test]
    public unsafe void NativeArrayIsNullTerminatedUtf8()
    {
        string[] strings = ["sh", "-c", "echo h\u00e9llo", ""];
        byte** array = Exec.ToNative(strings);
        try
        {
            for (int i = 0; i < strings.Length; i++)
                Assert.That(Marshal.PtrToStringUTF8((nint)array[i]), Is.EqualTo(strings[i]));
            Assert.That((nint)array[strings.Length], Is.EqualTo(nint.Zero));
            Assert.That(array[2][7], Is.EqualTo(0xA9), "second byte of U+00E9 in UTF-8");
        }
        finally
        {
            Exec.Free(array);
        }
    }

    [Test]
    public unsafe void EmptyArrayIsJustTheTerminator()
    {
        byte** array = Exec.ToNative([]);
        Assert.That((nint)array[0], Is.EqualTo(nint.Zero));
        Exec.Free(array);
    }

    [Test]
    public void NulInArgumentIsRefused() =>
        Assert.Throws<System.ArgumentException>(() => Exec.Execve("/nonexistent-ociruntime/x", ["a\0b"], []));

    [Test]
    public void FailedExecveThrowsWithThePath()
    {
        var e = Assert.Throws<SyscallException>(() => Exec.Execve("/nonexistent-ociruntime/x", ["x"], ["A=1"]));
        Assert.That(e!.Message, Is.EqualTo("exec `/nonexistent-ociruntime/x`: No such file or directory"));
        Assert.That(e.Errno, Is.EqualTo(2));
    }

    [Test]
    public void ExecveOfADirectoryIsPermissionDenied()
    {
        string dir = Path.GetTempPath();
        var e = Assert.Throws<SyscallException>(() => Exec.Execve(dir, ["x"], []));
        Assert.That(e!.Errno, Is.EqualTo(13));
    }
}
