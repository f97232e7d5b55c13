using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Experiments;

/// <summary>One variant's counts: totals, unique users and the three rolling windows, the same units as the campaign's.</summary>
[GenerateSerializer]
public sealed class VariantCounters
{
    [Id(0)] public KpiCounters Totals { get; set; } = new();
    [Id(1)] public UniqueCounter Users { get; set; } = new();
    [Id(2)] public EventWindows Windows { get; set; } = new();

    public void Add(InteractionEvent e, DateTime now)
    {
        Totals.AddEvent(e.Type, e.Value);
        Users.Add(StableStringHash.Of(e.UserId));
        Windows.AddEvent(e.Timestamp, now, e.Type, e.Value);
    }

    /// <summary>The numerator of <paramref name="metric"/>: every metric is successes per impression.</summary>
    public static long Successes(KpiCounters counters, VariantMetric metric) => metric switch
    {
        VariantMetric.Ctr => counters[EventType.Click],
        VariantMetric.ConversionRate => counters[EventType.Conversion],
        _ => counters[EventType.Like] + counters[EventType.Comment] + counters[EventType.Share] + counters[EventType.Click],
    };
}
