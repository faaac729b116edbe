using System.Runtime.InteropServices;

namespace OciRuntime.Core.Interop;

internal static partial class Libseccomp
{
    [LibraryImport(Name, EntryPoint = "seccomp_rule_add_array")]
    internal static unsafe partial int RuleAddArray(nint ctx, uint action, int syscall, uint argCount, LibseccompArgCmp* args);
}
