using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OciRuntime.Core.Interop;

namespace OciRuntime.Core.Linux.Cgroups.Systemd;

/// <summary>
/// The calls of org.freedesktop.systemd1.Manager the systemd cgroup driver
/// needs. A unit change is a job: each call that queues one waits for its
/// JobRemoved signal, so the scope exists (or is gone) when it returns.
/// </summary>
public sealed class SystemdClient : IDisposable
{
    private const string Service = "org.freedesktop.systemd1";
    private const string ManagerPath = "/org/freedesktop/systemd1";
    private const string ManagerInterface = "org.freedesktop.systemd1.Manager";
    public const string NoSuchUnit = "org.freedesktop.systemd1.NoSuchUnit";
    public const string UnitExists = "org.freedesktop.systemd1.UnitExists";

    /// <summary>systemd's own private socket: peer to peer, root only, works without a bus daemon.</summary>
    public const string PrivateSocket = "/run/systemd/private";
    public const string SystemBusSocket = "/run/dbus/system_bus_socket";

    private readonly DbusConnection _connection;
    private bool _subscribed;

    public SystemdClient(DbusConnection connection) => _connection = connection;

    /// <summary>How long one call, and the job it queues, may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Root talks to systemd on its private socket first (no dependency on
    /// dbus-daemon), as runc does; otherwise the system bus,
    /// $DBUS_SYSTEM_BUS_ADDRESS or its well-known socket.
    /// </summary>
    public static SystemdClient Connect()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        uint uid = Libc.GetEuid();
        if (uid == 0 && File.Exists(PrivateSocket))
        {
            var connection = DbusConnection.ConnectUnix(PrivateSocket);
            try
            {
                connection.Authenticate(uid, deadline);
                return new SystemdClient(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        var bus = BusSocket(Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"));
        var busConnection = DbusConnection.ConnectUnix(bus);
        try
        {
            busConnection.Authenticate(uid, deadline);
            busConnection.Hello(deadline);
            busConnection.Call(DbusMessage.MethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "AddMatch", "s",
                $"type='signal',sender='{Service}',path='{ManagerPath}',interface='{ManagerInterface}',member='JobRemoved'"), deadline);
            return new SystemdClient(busConnection);
        }
        catch
        {
            busConnection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The socket of a D-Bus address such as "unix:path=/run/dbus/system_bus_socket"
    /// (D-Bus specification, "Server Addresses"): the first unix path or abstract name.
    /// </summary>
    public static string BusSocket(string? address)
    {
        if (string.IsNullOrEmpty(address))
            return SystemBusSocket;
        foreach (var entry in address.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("unix:", StringComparison.Ordinal))
                continue;
            foreach (var pair in entry[5..].Split(','))
            {
                var eq = pair.IndexOf('=');
                if (eq < 0)
                    continue;
                var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
                switch (pair[..eq])
                {
                    case "path": return value;
                    case "abstract": return "@" + value;
                }
            }
        }
        throw new RuntimeException($"DBUS_SYSTEM_BUS_ADDRESS \"{address}\" names no unix socket path");
    }

    /// <summary>StartTransientUnit(ssa(sv)a(sa(sv))) in mode "replace", then waits for the job.</summary>
    public void StartTransientUnit(string unit, IReadOnlyList<SystemdProperty> properties)
    {
        var job = RunJob("StartTransientUnit", unit, "ssa(sv)a(sa(sv))",
            unit, "replace", properties.Select(p => (object?)p.ToWire()).ToList(), new List<object?>());
        WaitJob(job, unit, "start");
    }

    /// <summary>StopUnit(ss) in mode "replace"; a unit that no longer exists is already stopped.</summary>
    public void StopUnit(string unit)
    {
        string job;
        try
        {
            job = RunJob("StopUnit", unit, "ss", unit, "replace");
        }
        catch (RuntimeException e) when (e.InnerException is DbusErrorException { Name: NoSuchUnit })
        {
            return;
        }
        WaitJob(job, unit, "stop");
    }

    /// <summary>SetUnitProperties(sba(sv)) at runtime only (not persisted), as `update` needs.</summary>
    public void SetUnitProperties(string unit, IReadOnlyList<SystemdProperty> properties) =>
        CallManager("SetUnitProperties", unit, "sba(sv)", unit, true, properties.Select(p => (object?)p.ToWire()).ToList());

    /// <summary>Forgets a failed unit's state, so its name can be used again; a unit that is gone is fine.</summary>
    public void ResetFailedUnit(string unit)
    {
        try
        {
            CallManager("ResetFailedUnit", unit, "s", unit);
        }
        catch (RuntimeException e) when (e.InnerException is DbusErrorException { Name: NoSuchUnit })
        {
        }
    }

    /// <summary>The unit's object path, or null when systemd has no such unit loaded.</summary>
    public string? GetUnit(string unit)
    {
        try
        {
            return CallManager("GetUnit", unit, "s", unit).FirstString();
        }
        catch (RuntimeException e) when (e.InnerException is DbusErrorException { Name: NoSuchUnit })
        {
            return null;
        }
    }

    public void Dispose() => _connection.Dispose();

    private string RunJob(string member, string unit, string signature, params object?[] args)
    {
        // Subscribe makes systemd send job signals to this connection (it
        // sends none to a peer that did not ask); it ends with the connection.
        if (!_subscribed)
        {
            CallManager("Subscribe", unit, "");
            _subscribed = true;
        }
        var reply = CallManager(member, unit, signature, args);
        return reply.Body.Count > 0 && reply.Body[0] is string job
            ? job
            : throw new RuntimeException($"systemd: {member} `{unit}`: the reply holds no job path");
    }

    private void WaitJob(string job, string unit, string verb)
    {
        var signal = _connection.WaitForSignal(
            m => m.Member == "JobRemoved" && m.Interface == ManagerInterface && m.Body.Count == 4 && m.Body[1] is string path && path == job,
            DateTime.UtcNow + Timeout, $"the {verb} job of `{unit}`");
        var result = signal.Body[3] as string;
        if (result != "done")
            throw new RuntimeException($"systemd: {verb} unit `{unit}`: job {result} (see `systemctl status {unit}` and the journal)");
    }

    private DbusMessage CallManager(string member, string unit, string signature, params object?[] args)
    {
        try
        {
            return _connection.Call(DbusMessage.MethodCall(Service, ManagerPath, ManagerInterface, member, signature, args), DateTime.UtcNow + Timeout);
        }
        catch (DbusErrorException e)
        {
            throw new RuntimeException($"systemd: {member} `{unit}`: {e.Message}", e);
        }
    }
}
