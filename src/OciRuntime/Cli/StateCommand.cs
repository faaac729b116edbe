using System;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Operations;

namespace OciRuntime.Cli;

/// <summary>`state`: print the container's state JSON.</summary>
internal static class StateCommand
{
    public static readonly Command Definition = new("state", "<container-id>", "output the state of a container", [], Run, 1, 1);

    private static int Run(ParsedArgs args)
    {
        var store = new StateStore(GlobalOptions.Current.Root);
        var id = args.Positional[0];
        ContainerId.Validate(id);
        using var lck = store.Lock(id, LockMode.Shared);
        var container = Container.Load(store, id);
        Console.Out.WriteLine(StateViewJson.Write(container.View(container.Status())));
        return 0;
    }
}
