using System;
using System.Collections.Generic;
using System.Text;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`list`: the containers under --root, as runc's table or a JSON array.</summary>
internal static class ListCommand
{
    public static readonly Command Definition = new("list", "", "lists containers started by ociruntime with the given root",
        [new(["format", "f"], true, "select one of: table or json", "table"), new(["quiet", "q"], false, "display only container IDs")], Run, 0, 0);

    private static int Run(ParsedArgs args)
    {
        var format = args.Value("format") ?? "table";
        if (format != "table" && format != "json")
            throw new UsageException($"invalid format option \"{format}\": must be table or json");
        var store = new StateStore(GlobalOptions.Current.Root);
        var views = new List<StateView>();
        foreach (var id in store.List())
        {
            try
            {
                using var lck = store.Lock(id, LockMode.Shared);
                var c = Container.Load(store, id);
                views.Add(c.View(c.Status()));
            }
            catch (RuntimeException)
            {
                // Deleted while we listed it.
            }
        }
        if (args.Bool("quiet"))
        {
            foreach (var v in views)
                Console.Out.WriteLine(v.Id);
            return 0;
        }
        if (format == "json")
        {
            // runc prints "null" for an empty list; engines parse either.
            Console.Out.WriteLine(views.Count == 0 ? "null" : StateViewJson.WriteList(views));
            return 0;
        }
        var rows = new List<string[]> { new[] { "ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER" } };
        foreach (var v in views)
            rows.Add([v.Id, v.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Status, v.Bundle, v.Created, v.Owner]);
        Console.Out.Write(Table(rows));
        return 0;
    }

    /// <summary>Columns at least 12 wide with 3 spaces of padding, like runc's tabwriter.</summary>
    internal static string Table(List<string[]> rows)
    {
        int cols = rows[0].Length;
        var width = new int[cols];
        foreach (var r in rows)
            for (int i = 0; i < cols - 1; i++)
                width[i] = Math.Max(width[i], Math.Max(12, r[i].Length + 3));
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            for (int i = 0; i < cols; i++)
                sb.Append(i < cols - 1 ? r[i].PadRight(width[i]) : r[i]);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
