using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// The last 30 days by the hour (720 buckets), per event type and per positive / negative scored text: the history
/// forecasts are made from. A dense ring of ints rather than a bucket dictionary: 720 × 11 counts cost 31,680 bytes
/// in memory whether the campaign is busy or quiet, and the binary state writes each count as a varint: about 16 KB
/// for a month of every type every hour (HourlySeriesTests), where 720 <see cref="KpiCounters"/> would cost several
/// times as much. Allocated at the first event.
/// </summary>
[GenerateSerializer]
public sealed class HourlySeries
{
    public const int Hours = 720;

    /// <summary>Counts kept per hour: the nine event types, then positive and negative texts.</summary>
    public const int Channels = EventTypes.Count + 2;

    public const int PositiveChannel = EventTypes.Count;
    public const int NegativeChannel = EventTypes.Count + 1;

    /// <summary>Slot (hour % <see cref="Hours"/>) × <see cref="Channels"/>; null until the first count.</summary>
    [Id(0)] public int[]? Counts { get; set; }

    /// <summary>The latest hour index (ticks / hour) the ring holds; slots of older hours than it − 719 are reused.</summary>
    [Id(1)] public long EndHour { get; set; }

    /// <summary>
    /// The earliest hour counted. Hours before it are unknown, not quiet: state saved before this series existed, or a
    /// campaign younger than 30 days, has no history there, and a forecast must not read it as zeros.
    /// </summary>
    [Id(2)] public long FirstHour { get; set; }

    public bool IsEmpty => Counts is null;

    public void AddEvent(DateTime timestamp, DateTime now, EventType type) => Add(timestamp, now, (int)type);

    public void AddSentiment(DateTime timestamp, DateTime now, SentimentLabel label)
    {
        if (label == SentimentLabel.Positive)
        {
            Add(timestamp, now, PositiveChannel);
        }
        else if (label == SentimentLabel.Negative)
        {
            Add(timestamp, now, NegativeChannel);
        }
    }

    /// <summary>The count of <paramref name="channel"/> in <paramref name="hour"/>: 0 outside the ring or before the first count.</summary>
    public long Count(long hour, int channel)
    {
        if (Counts is null || hour > EndHour || hour <= EndHour - Hours || hour < FirstHour)
        {
            return 0;
        }

        return Counts[(Slot(hour) * Channels) + channel];
    }

    private void Add(DateTime timestamp, DateTime now, int channel)
    {
        var hour = timestamp.Ticks / TimeSpan.TicksPerHour;
        var nowHour = now.Ticks / TimeSpan.TicksPerHour;
        // Validation allows a few minutes of future skew; a later hour than that would wipe real history.
        if (hour <= Math.Max(EndHour, nowHour) - Hours || hour > nowHour + 1)
        {
            return;
        }

        if (Counts is null)
        {
            Counts = new int[Hours * Channels];
            EndHour = hour;
            FirstHour = hour;
        }
        else if (hour > EndHour)
        {
            // The slots between the old end and the new one belong to hours 30 days ago: they become empty hours.
            for (var stale = Math.Max(EndHour + 1, hour - Hours + 1); stale <= hour; stale++)
            {
                Array.Clear(Counts, Slot(stale) * Channels, Channels);
            }

            EndHour = hour;
        }

        FirstHour = Math.Min(FirstHour, hour);
        var index = (Slot(hour) * Channels) + channel;
        if (Counts[index] < int.MaxValue)
        {
            Counts[index]++;
        }
    }

    private static int Slot(long hour) => (int)(hour % Hours);
}
