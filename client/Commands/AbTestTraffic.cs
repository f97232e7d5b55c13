using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The demo's A/B test: impressions of one campaign split evenly between creatives whose true CTRs differ, each
/// followed by a click with that creative's probability, so the variants page has a real lift to find (and one creative
/// equal to the control, which it must not declare different).
/// </summary>
internal sealed class AbTestTraffic(int seed)
{
    public const string CampaignId = "demo-ab-test";

    private static readonly (string Name, double Ctr)[] Variants = [("control", 0.020), ("bold-headline", 0.026), ("same-as-control", 0.020)];

    private readonly Random random = new(seed);
    private long next;

    public static string Describe() => string.Join(", ", Variants.Select(v => $"{v.Name} {v.Ctr:P1} CTR"));

    /// <summary>About <paramref name="size"/> events: impressions, and the clicks some of them draw.</summary>
    public List<InteractionEvent> NextBatch(int size)
    {
        var events = new List<InteractionEvent>(size + 4);
        while (events.Count < size)
        {
            var (variant, ctr) = Variants[random.Next(Variants.Length)];
            var user = $"ab-user-{random.Next(50_000)}";
            events.Add(Event(EventType.Impression, user, variant));
            if (random.NextDouble() < ctr)
            {
                events.Add(Event(EventType.Click, user, variant));
            }
        }

        return events;
    }

    private InteractionEvent Event(EventType type, string user, string variant) => new()
    {
        EventId = $"ab-{Environment.ProcessId}-{next++}",
        Platform = Platform.Instagram,
        Type = type,
        UserId = user,
        CampaignId = CampaignId,
        Timestamp = DateTime.UtcNow,
        Variant = variant,
    };
}
