namespace StreamingMarketing.Grains.Erasure;

/// <summary>
/// One erasure request. The ids themselves are kept only while the request runs (a fingerprint cannot be looked for in
/// a campaign's state) and are cleared with the person id when it completes; what stays is counts and times.
/// </summary>
[GenerateSerializer]
public sealed class ErasureState
{
    [Id(0)] public List<string> StoredIds { get; set; } = [];
    [Id(1)] public string? PersonId { get; set; }

    /// <summary>Campaigns the ids touched, as their profiles named them: where the next pass looks again.</summary>
    [Id(2)] public HashSet<string> Campaigns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 of the users' texts found in campaigns, for the feedback store.</summary>
    [Id(3)] public HashSet<string> TextFingerprints { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public int IdCount { get; set; }
    [Id(5)] public int CampaignCount { get; set; }
    [Id(6)] public int PassesDone { get; set; }
    [Id(7)] public long ItemsRemoved { get; set; }
    [Id(8)] public DateTime? RequestedAt { get; set; }
    [Id(9)] public DateTime? NextPassAt { get; set; }
    [Id(10)] public DateTime? CompletedAt { get; set; }
}
