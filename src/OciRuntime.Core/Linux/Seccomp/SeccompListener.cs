using System;
using System.IO;
using System.Text.Json;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Seccomp;

/// <summary>
/// linux.seccomp.listenerPath (config-linux.md): hands the seccomp notify
/// descriptor and the container process state to the agent listening
/// there, one connection per container, closed right after.
/// </summary>
public static class SeccompListener
{
    /// <summary>The name of the one descriptor sent (config-linux.md, "seccompFd").</summary>
    public const string SeccompFdName = "seccompFd";

    /// <summary>
    /// The runtime's half of the hand-over: receives the notify fd the init
    /// sent on the sync socket, passes it on to the agent, and tells the init
    /// the outcome through <paramref name="reply"/> (null: sent). Throws after
    /// replying when the agent could not be reached (spec: MUST generate an error).
    /// </summary>
    public static void Forward(int syncSocket, Spec.Seccomp? seccomp, int pid, string stateJson, Action<string?> reply)
    {
        int fd = ScmRights.Receive(syncSocket, "receive seccomp notify fd");
        try
        {
            if (string.IsNullOrEmpty(seccomp?.ListenerPath))
                throw new RuntimeException("container init sent a seccomp notify fd but linux.seccomp.listenerPath is unset");
            Send(seccomp.ListenerPath, seccomp.ListenerMetadata, pid, Spec.DefaultSpec.OciVersion, stateJson, fd);
        }
        catch (Exception e)
        {
            reply(e.Message);
            throw;
        }
        finally
        {
            Libc.Close(fd);
        }
        reply(null);
    }

    /// <param name="stateJson">The container's state as runtime.md defines it (what hooks receive).</param>
    public static void Send(string listenerPath, string? metadata, int pid, string ociVersion, string stateJson, int notifyFd)
    {
        byte[] payload = ProcessState(ociVersion, pid, metadata, stateJson);
        int socket;
        try
        {
            socket = ScmRights.ConnectStream(listenerPath);
        }
        catch (SyscallException e)
        {
            throw new RuntimeException($"linux.seccomp.listenerPath: cannot reach the seccomp agent: {e.Message}", e);
        }
        try
        {
            ScmRights.Send(socket, payload, notifyFd, $"sendmsg to `{listenerPath}`");
        }
        finally
        {
            Libc.Close(socket);
        }
    }

    /// <summary>The container process state (config-linux.md): ociVersion, fds, pid, metadata, state.</summary>
    public static byte[] ProcessState(string ociVersion, int pid, string? metadata, string stateJson)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("ociVersion", ociVersion);
            w.WriteStartArray("fds");
            w.WriteStringValue(SeccompFdName);
            w.WriteEndArray();
            w.WriteNumber("pid", pid);
            if (!string.IsNullOrEmpty(metadata))
                w.WriteString("metadata", metadata);
            w.WritePropertyName("state");
            w.WriteRawValue(stateJson);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
