using System;
using System.Linq;
using System.Threading.Tasks;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Operations;

namespace OciRuntime.Tests.Reliability;

/// <summary>
/// What BundleLoader.Decode made of one input: a config, a clean one-line
/// RuntimeException, or a defect (another exception type, a multi-line or
/// empty message, no answer within the time limit).
/// </summary>
internal sealed record DecodeOutcome(string Kind, string Detail)
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public bool IsDefect => Kind != Accepted && Kind != Rejected;

    public static DecodeOutcome Of(byte[] raw, TimeSpan limit)
    {
        var task = Task.Run(() => Decode(raw));
        if (!task.Wait(limit))
            return new DecodeOutcome("hang", $"no answer within {limit.TotalSeconds}s");
        return task.Result;
    }

    private static DecodeOutcome Decode(byte[] raw)
    {
        try
        {
            BundleLoader.Decode(raw);
            return new DecodeOutcome(Accepted, "");
        }
        catch (RuntimeException e)
        {
            if (string.IsNullOrWhiteSpace(e.Message))
                return new DecodeOutcome("empty-message", "");
            if (e.Message.Contains('\n') || e.Message.Contains('\r'))
                return new DecodeOutcome("multi-line", e.Message);
            if (e.Message.Length > 4096)
                return new DecodeOutcome("huge-message", e.Message[..200] + "…");
            return new DecodeOutcome(Rejected, e.Message);
        }
        catch (Exception e)
        {
            return new DecodeOutcome("crash", $"{e.GetType().Name}: {e.Message} at {FirstOwnFrame(e)}");
        }
    }

    private static string FirstOwnFrame(Exception e) =>
        (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("OciRuntime.Core", StringComparison.Ordinal)) ?? "?";
}
