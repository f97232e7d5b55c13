using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Grains.Experiments;

/// <summary>
/// Per-variant counters of one campaign, kept in the campaign's state so they share its exactly-once dedupe. Bounded:
/// the first <see cref="MaxVariants"/> names get counters of their own, every later one is counted under
/// <see cref="Other"/> (each variant holds up to 16 KiB of unique-user sketch and three windows of buckets).
/// </summary>
[GenerateSerializer]
public sealed class VariantTally
{
    public const int MaxVariants = 20;
    public const string Other = "other";

    [Id(0)] public Dictionary<string, VariantCounters> ByName { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public long EventsCountedAsOther { get; set; }

    public void Add(InteractionEvent e, DateTime now)
    {
        if (e.Variant is not { } name)
        {
            return;
        }

        if (!ByName.TryGetValue(name, out var counters))
        {
            if (name != Other && ByName.Keys.Count(key => key != Other) >= MaxVariants)
            {
                EventsCountedAsOther++;
                name = Other;
            }

            if (!ByName.TryGetValue(name, out counters))
            {
                counters = new VariantCounters();
                ByName[name] = counters;
            }
        }

        counters.Add(e, now);
    }
}
