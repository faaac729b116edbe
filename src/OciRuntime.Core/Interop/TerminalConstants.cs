namespace OciRuntime.Core.Interop;

/// <summary>tty ioctls and socket-message constants (asm-generic/ioctls.h, bits/socket.h), x86_64.</summary>
internal static class TerminalConstants
{
    internal const nuint TIOCSCTTY = 0x540E;
    internal const nuint TIOCGWINSZ = 0x5413;
    internal const nuint TIOCSWINSZ = 0x5414;
    internal const nuint TIOCGPTN = 0x80045430;
    internal const nuint TIOCSPTLCK = 0x40045431;
    internal const nuint TIOCGPTPEER = 0x5441;
    internal const int TCSANOW = 0;
    internal const int SOL_SOCKET = 1;
    internal const int SCM_RIGHTS = 1;
    internal const int MSG_CMSG_CLOEXEC = 0x40000000;
    internal const int EIO = 5;
    internal const int ENOTTY = 25;

    /// <summary>Unix98 pty slaves: majors 136..143 (Documentation/admin-guide/devices.txt).</summary>
    internal const uint PtySlaveMajorFirst = 136;
    internal const uint PtySlaveMajorLast = 143;
}
