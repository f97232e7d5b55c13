using System.Diagnostics.CodeAnalysis;
using Orleans.Core;
using Orleans.Storage;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// A grain's state read and written through its storage provider directly, for the grain kind a silo holds by the
/// hundred thousand (user profiles). Orleans' <c>[PersistentState]</c> costs each activation a state bridge, a state
/// wrapper, a lifecycle observer and a migration participant; this is one object. The grain reads it in
/// OnActivateAsync, where the bridge would have read it in the lifecycle's SetupState stage: a failed read fails the
/// activation either way.
/// </summary>
public sealed class StoredState<TState>(IGrainStorage storage, string stateName, Grain grain) : IStorage<TState>, IGrainState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    string? IStorage.Etag => ETag;

    // A provider may hand back null for a record it could not find: the profile then starts empty.
    [AllowNull]
    TState IGrainState<TState>.State
    {
        get => State;
        set => State = value ?? new TState();
    }

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grain.GetGrainId(), this);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grain.GetGrainId(), this);

    public async Task ClearStateAsync()
    {
        await storage.ClearStateAsync(stateName, grain.GetGrainId(), this);

        // Whatever the provider leaves behind, a cleared state reads as a new one, as IPersistentState's does.
        State = new TState();
        ETag = null;
        RecordExists = false;
    }
}
