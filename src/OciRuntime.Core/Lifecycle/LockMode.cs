namespace OciRuntime.Core.Lifecycle;

/// <summary>How a command holds a container's lock: readers (state, list) share it, mutating commands exclude.</summary>
public enum LockMode
{
    Shared,
    Exclusive,
}
