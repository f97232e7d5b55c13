namespace StreamingMarketing.Grains;

/// <summary>How grains aggregate and persist; bound from configuration section <c>Aggregation</c>.</summary>
public sealed class AggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>Event ids a campaign remembers for dedupe (8 bytes each in state).</summary>
    public int CampaignDedupeCapacity { get; set; } = 100_000;

    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A campaign's changed state is written this long after its first unsaved change (and on deactivation).</summary>
    public TimeSpan CampaignStateWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The same for user profiles. Longer, because there are orders of magnitude more users than campaigns: every
    /// active profile written each second would cost the pipeline most of its throughput.
    /// </summary>
    public TimeSpan UserStateWriteInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Write state before acknowledging each stream item. Needed with persistent streams, whose providers forget an
    /// item once its handler returns; off for the embedded memory streams, where the interval write suffices.
    /// </summary>
    public bool WriteStateBeforeAck { get; set; }

    /// <summary>
    /// How long outbox parts gather before a courier sends them, one call per receiver (see PartCourier). User
    /// profiles and insights trail the campaign counts by up to this much plus a campaign write interval under load.
    /// </summary>
    public TimeSpan OutboxRoundWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls a courier makes for one batch of parts, the first included, before it dead-letters them.</summary>
    public int OutboxDeliveryAttempts { get; set; } = 12;

    /// <summary>The first retry's delay; each next one doubles (jittered), up to 10 s, about 70 s in all by default.</summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Where receivers confirm parts only once written (persistent profiles), a source sends again what stays
    /// unconfirmed this long: well above the receivers' write intervals, so only a part lost or refused goes twice.
    /// </summary>
    public TimeSpan PartResendAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a source looks for parts past <see cref="PartResendAfter"/>.</summary>
    public TimeSpan PartResendCheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events in parts a courier holds; beyond it, campaign grains wait before taking their next stream item.</summary>
    public long MaxOutboxEventsInFlight { get; set; } = 200_000;

    /// <summary>A text the scorer has not answered within this time of being queued (saturation included) is applied as unscored.</summary>
    public TimeSpan ScoringTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Texts a campaign holds waiting for their score; beyond it, new texts are applied as unscored at once.</summary>
    public int MaxPendingTexts { get; set; } = 10_000;
}
