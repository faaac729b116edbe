using System.IO;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;
using OciRuntime.Core.Spec;

namespace OciRuntime.Core.Operations;

/// <summary>
/// The validated config.json as `create` used it, kept in the container's
/// state directory. `exec` takes the process defaults and the seccomp
/// profile from here: the bundle's file may change after create, and a
/// change must not reach the running container (runtime.md: updates to
/// config.json after create do not affect the container).
/// </summary>
public static class StoredConfig
{
    public const string FileName = StateStore.ConfigFileName;

    /// <summary>
    /// The bundle's bytes as validated (<see cref="LoadedConfig.Raw"/>), atomically
    /// (temp file, rename); the caller holds the container lock.
    /// </summary>
    public static void Save(StateStore store, string id, byte[] validatedConfig) =>
        store.WriteAtomic(id, FileName, validatedConfig);

    /// <summary>The stored config; for a container created without one, the bundle's (validated again).</summary>
    public static ContainerConfig Load(StateStore store, ContainerRecord record)
    {
        var path = Path.Combine(store.ContainerDir(record.Id), FileName);
        if (!File.Exists(path))
            return BundleLoader.Load(record.Bundle);
        return SpecReader.ReadConfig(File.ReadAllBytes(path), $"read `{path}`");
    }
}
