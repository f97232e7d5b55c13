using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// Interest weights per hashtag that halve every <c>halfLife</c> of event time, so a profile follows what a user
/// engages with now. Weights are kept scaled to <see cref="AsOf"/>: an event at time t adds 2^((t − AsOf) / halfLife),
/// so a newer event never rescales the other tags (one power per event, not one per tag), and reading decays the
/// sums to the wall clock. At most <see cref="Capacity"/> tags are kept; the weakest is evicted.
/// </summary>
[GenerateSerializer]
public sealed class DecayingTagWeights
{
    /// <summary>Scaled weights grow by 2^this before they are brought back to the newest event's scale.</summary>
    private const double MaxExponent = 256;

    [Id(0)] public int Capacity { get; set; } = 32;

    /// <summary>The time the stored weights are scaled to; set by the first event.</summary>
    [Id(1)] public DateTime AsOf { get; set; }

    [Id(2)] public Dictionary<string, double> Weights { get; set; } = [];

    public void Add(string tag, DateTime timestamp, TimeSpan halfLife, double weight = 1)
    {
        if (AsOf == default)
        {
            AsOf = timestamp;
        }

        var exponent = HalfLives(timestamp - AsOf, halfLife);
        if (exponent > MaxExponent)
        {
            Rescale(Math.Pow(0.5, exponent));
            AsOf = timestamp;
            exponent = 0;
        }

        var contribution = weight * Math.Pow(2, exponent);
        ref var current = ref CollectionsMarshal.GetValueRefOrNullRef(Weights, tag);
        if (!Unsafe.IsNullRef(ref current))
        {
            current += contribution;
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
        var factor = Math.Pow(0.5, HalfLives(now - AsOf, halfLife));
        return Weights
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => new TagWeight(pair.Key, Math.Round(pair.Value * factor, 6)))
            .ToList();
    }

    private void Rescale(double factor)
    {
        foreach (var tag in Weights.Keys)
        {
            CollectionsMarshal.GetValueRefOrNullRef(Weights, tag) *= factor;
        }
    }

    private static double HalfLives(TimeSpan elapsed, TimeSpan halfLife) => elapsed.TotalSeconds / halfLife.TotalSeconds;
}
