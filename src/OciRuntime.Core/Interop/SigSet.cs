using System.Runtime.CompilerServices;

namespace OciRuntime.Core.Interop;

/// <summary>glibc's sigset_t: 1024 bits, of which the kernel uses the first 64 (signal N is bit N-1).</summary>
[InlineArray(16)]
internal struct SigSet
{
    private ulong _word;

    public static SigSet Of(System.ReadOnlySpan<int> signals)
    {
        var set = new SigSet();
        foreach (var s in signals)
            set[0] |= 1UL << (s - 1);
        return set;
    }
}
