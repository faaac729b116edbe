using System.Collections.Generic;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Planning;

/// <summary>
/// linux.seccomp (config-linux.md "Seccomp") to a <see cref="SeccompPlan"/>.
/// Pure: syscall names stay names; the compiler resolves them. Errors are
/// one line, "config.json: linux.seccomp.&lt;path&gt;: &lt;rule&gt;".
/// </summary>
public static class SeccompPlanner
{
    /// <summary>A syscall has six argument registers.</summary>
    public const uint MaxArgIndex = 5;

    private const string Where = "config.json: linux.seccomp";

    /// <summary>
    /// Syscalls the init makes between loading the filter and the agent
    /// receiving the notify fd (write as in runc; send and recv on the sync
    /// socket are sendto, sendmsg and recvfrom).
    /// </summary>
    private static readonly HashSet<string> NotifyForbidden = new(System.StringComparer.Ordinal) { "write", "sendto", "sendmsg", "recvfrom" };

    public static SeccompPlan Plan(Seccomp seccomp)
    {
        uint defaultAction = Action(seccomp.DefaultAction, seccomp.DefaultErrnoRet, ".defaultAction", ".defaultErrnoRet");
        // Every syscall of the runtime itself, including the one that hands
        // the notify fd over, would wait for an agent that has no fd yet.
        if (defaultAction == SeccompActions.Notify)
            throw Error(".defaultAction", "SCMP_ACT_NOTIFY cannot be the default action");
        if (seccomp.ListenerMetadata is { Length: > 0 } && string.IsNullOrEmpty(seccomp.ListenerPath))
            throw Error(".listenerMetadata", "must not be set without listenerPath");

        var architectures = new List<string>();
        var archs = seccomp.Architectures ?? [];
        for (int i = 0; i < archs.Length; i++)
        {
            if (!SeccompArchitectures.ByName.TryGetValue(archs[i], out var arch))
                throw Error($".architectures[{i}]", $"unknown architecture \"{archs[i]}\"");
            if (!architectures.Contains(arch))
                architectures.Add(arch);
        }

        uint flags = 0;
        var flagNames = seccomp.Flags ?? [];
        for (int i = 0; i < flagNames.Length; i++)
        {
            if (!SeccompFilterFlags.ByName.TryGetValue(flagNames[i], out var bit))
                throw Error($".flags[{i}]", $"unknown flag \"{flagNames[i]}\"");
            flags |= bit;
        }

        var rules = new List<SeccompRule>();
        var syscalls = seccomp.Syscalls ?? [];
        for (int i = 0; i < syscalls.Length; i++)
        {
            var call = syscalls[i];
            string at = $".syscalls[{i}]";
            uint action = Action(call.Action, call.ErrnoRet, at + ".action", at + ".errnoRet");
            var conditionSets = ConditionSets(call.Args ?? [], at);
            // libseccomp refuses a rule whose action is the filter's default
            // (it could never change the outcome); runc skips such entries.
            if (action == defaultAction)
                continue;
            if (action == SeccompActions.Notify)
            {
                foreach (var name in call.Names)
                {
                    if (NotifyForbidden.Contains(name))
                        throw Error(at + ".action", $"SCMP_ACT_NOTIFY cannot be used for {name}: the runtime needs it to hand the notify descriptor to the agent");
                }
                if (string.IsNullOrEmpty(seccomp.ListenerPath))
                    throw Error(at + ".action", "SCMP_ACT_NOTIFY needs linux.seccomp.listenerPath (no agent would answer the notifications)");
                flags |= SeccompFilterFlags.NewListener;
            }
            foreach (var name in call.Names)
            {
                foreach (var conditions in conditionSets)
                    rules.Add(new SeccompRule(name, action, conditions));
            }
        }

        // seccomp(2): TSYNC and NEW_LISTENER together are refused (EINVAL).
        if ((flags & SeccompFilterFlags.NewListener) != 0 && (flags & SeccompFilterFlags.Tsync) != 0)
            throw Error(".flags", "SECCOMP_FILTER_FLAG_TSYNC cannot be combined with SCMP_ACT_NOTIFY");

        return new SeccompPlan { DefaultAction = defaultAction, Architectures = architectures, Flags = flags, Rules = rules };
    }

    /// <summary>
    /// The rules one syscalls[] entry becomes. libseccomp accepts each
    /// argument index at most once per rule, so when an entry compares the
    /// same argument twice, every comparison becomes a rule of its own (a
    /// logical OR), which is runc's long-standing behaviour that profiles
    /// (Docker's for clone/personality-like cases) are written against.
    /// Otherwise the comparisons form one rule (a logical AND).
    /// </summary>
    private static List<SeccompCondition[]> ConditionSets(SeccompArg[] args, string at)
    {
        var conditions = new SeccompCondition[args.Length];
        var seen = new HashSet<uint>();
        bool repeated = false;
        for (int j = 0; j < args.Length; j++)
        {
            var arg = args[j];
            string argAt = $"{at}.args[{j}]";
            if (arg.Index > MaxArgIndex)
                throw Error(argAt + ".index", $"{arg.Index} is out of range (a syscall has arguments 0 to {MaxArgIndex})");
            if (!SeccompOperators.ByName.TryGetValue(arg.Op, out var op))
                throw Error(argAt + ".op", $"unknown operator \"{arg.Op}\"");
            // An omitted valueTwo is 0: for SCMP_CMP_MASKED_EQ "(arg & value) == 0".
            conditions[j] = new SeccompCondition(arg.Index, op, arg.Value, arg.ValueTwo ?? 0);
            repeated |= !seen.Add(arg.Index);
        }

        if (!repeated)
            return [conditions];
        var sets = new List<SeccompCondition[]>(conditions.Length);
        foreach (var c in conditions)
            sets.Add([c]);
        return sets;
    }

    private static uint Action(string name, uint? errnoRet, string actionAt, string errnoAt)
    {
        if (!SeccompActions.ByName.TryGetValue(name, out var action))
            throw Error(actionAt, $"unknown action \"{name}\"");
        if (!SeccompActions.TakesErrno(action))
        {
            // The spec: "When the action doesn't support an errno, the runtime MUST print an error and fail."
            if (errnoRet is not null)
                throw Error(errnoAt, $"{name} does not take an errno");
            return action;
        }
        uint errno = errnoRet ?? SeccompActions.DefaultErrno;
        if (errno > 0xffff)
            throw Error(errnoAt, $"{errno} does not fit in 16 bits");
        return action | errno;
    }

    private static RuntimeException Error(string path, string rule) => new($"{Where}{path}: {rule}");
}
