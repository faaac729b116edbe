using System;
using System.Globalization;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`events`: stats of a container, once or as a stream, plus oom notifications.</summary>
internal static class EventsCommand
{
    public static readonly Command Definition = new("events", "<container-id>", "display container events such as OOM notifications, cpu, memory, and IO usage statistics",
        [new(["interval"], true, "set the stats collection interval", "5s"), new(["stats"], false, "display the container's stats then exit")], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        var interval = Duration(args.Value("interval") ?? "5s");
        new EventsOperation(GlobalOptions.Current.Root).Run(args.Positional[0], args.Bool("stats"), interval, line =>
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        });
        return 0;
    }

    /// <summary>Go-style durations as runc takes them: "500ms", "5s", "1m", "1m30s".</summary>
    internal static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                i++;
            int unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
                i++;
            if (!double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                throw new UsageException($"invalid value \"{text}\" for flag -interval: not a duration");
            total += text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => throw new UsageException($"invalid value \"{text}\" for flag -interval: not a duration"),
            };
        }
        if (total <= TimeSpan.Zero)
            throw new UsageException("duration interval must be greater than 0");
        return total;
    }
}
