namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// Every campaign's alerts in one list, key <see cref="Key"/>; it hands each new transition (opened, resolved) to the
/// silo's webhook delivery queue exactly once. Campaign grains own the rules and the lifecycle.
/// </summary>
public interface IAlertRegistryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Idempotent: a transition already recorded (same alert id and state) is ignored.</summary>
    Task RecordAsync(AlertView alert);

    /// <summary>Newest first; <paramref name="filter"/> is one of <see cref="AlertStates"/>.</summary>
    [AlwaysInterleave]
    Task<List<AlertView>> ListAsync(string filter, int limit);
}
