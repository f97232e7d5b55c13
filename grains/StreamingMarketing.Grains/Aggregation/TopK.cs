namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// Heavy hitters by the Space-Saving algorithm (Metwally et al. 2005) with a fixed number of counters: any item
/// whose true count exceeds total/capacity is guaranteed to be tracked, and each reported count overestimates
/// the truth by at most the count of the counter it replaced (kept as <see cref="Counter.Error"/>).
/// </summary>
[GenerateSerializer]
public sealed class TopK
{
    [Id(0)] public int Capacity { get; set; }
    [Id(1)] public Dictionary<string, Counter> Counters { get; set; } = [];

    public TopK()
    {
    }

    public TopK(int capacity) => Capacity = capacity;

    public void Add(string item, long weight = 1)
    {
        if (Counters.TryGetValue(item, out var counter))
        {
            counter.Count += weight;
            return;
        }

        if (Counters.Count < Capacity)
        {
            Counters[item] = new Counter { Count = weight };
            return;
        }

        var (minItem, min) = (string.Empty, long.MaxValue);
        foreach (var (key, value) in Counters)
        {
            if (value.Count < min)
            {
                (minItem, min) = (key, value.Count);
            }
        }

        Counters.Remove(minItem);
        Counters[item] = new Counter { Count = min + weight, Error = min };
    }

    public IEnumerable<(string Item, long Count)> Top(int count) =>
        Counters
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => (pair.Key, pair.Value.Count));

    [GenerateSerializer]
    public sealed class Counter
    {
        [Id(0)] public long Count { get; set; }
        [Id(1)] public long Error { get; set; }
    }
}
