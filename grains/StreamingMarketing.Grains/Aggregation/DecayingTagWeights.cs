using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// Interest weights per hashtag that halve every <c>halfLife</c> of event time, so a profile follows what a user
/// engages with now. Weights are kept as of <see cref="AsOf"/> (the newest event seen) and decayed to the
/// wall clock when read. At most <see cref="Capacity"/> tags are kept; the weakest is evicted.
/// </summary>
[GenerateSerializer]
public sealed class DecayingTagWeights
{
    [Id(0)] public int Capacity { get; set; } = 32;
    [Id(1)] public DateTime AsOf { get; set; }
    [Id(2)] public Dictionary<string, double> Weights { get; set; } = [];

    public void Add(string tag, DateTime timestamp, TimeSpan halfLife, double weight = 1)
    {
        if (timestamp > AsOf)
        {
            var factor = Decay(timestamp - AsOf, halfLife);
            foreach (var key in Weights.Keys.ToList())
            {
                Weights[key] *= factor;
            }

            AsOf = timestamp;
        }

        var contribution = weight * Decay(AsOf - timestamp, halfLife);
        if (Weights.TryGetValue(tag, out var current))
        {
            Weights[tag] = current + contribution;
            return;
        }

        if (Weights.Count >= Capacity)
        {
            var weakest = Weights.MinBy(pair => pair.Value);
            if (weakest.Value >= contribution)
            {
                return;
            }

            Weights.Remove(weakest.Key);
        }

        Weights[tag] = contribution;
    }

    public List<TagWeight> Top(int count, DateTime now, TimeSpan halfLife)
    {
        var factor = now > AsOf ? Decay(now - AsOf, halfLife) : 1;
        return Weights
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => new TagWeight(pair.Key, Math.Round(pair.Value * factor, 6)))
            .ToList();
    }

    private static double Decay(TimeSpan elapsed, TimeSpan halfLife) =>
        Math.Pow(0.5, elapsed.TotalSeconds / halfLife.TotalSeconds);
}
