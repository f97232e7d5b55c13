namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// One shard of every campaign's alerts (key: <see cref="AlertRegistry.KeyFor"/> of the campaign); it hands each new
/// transition (opened, resolved) to the silo's webhook delivery queue exactly once. Campaigns' insights grains own the
/// rules and the lifecycle; <see cref="AlertRegistry.ListAsync"/> reads across shards.
/// </summary>
public interface IAlertRegistryGrain : IGrainWithStringKey
{
    /// <summary>Idempotent: a transition already recorded (same alert id and state) is ignored.</summary>
    Task RecordAsync(AlertView alert);

    /// <summary>Newest first; <paramref name="filter"/> is one of <see cref="AlertStates"/>.</summary>
    [AlwaysInterleave]
    Task<List<AlertView>> ListAsync(string filter, int limit);

    /// <summary>Removes the stored user id from every alert's drivers; answers how many alerts named it.</summary>
    Task<int> EraseUserAsync(string userId);
}
