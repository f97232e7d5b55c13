using CommunityToolkit.HighPerformance.Buffers;
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

    /// <summary>
    /// The tags and their scaled weights, found by a linear scan: at most <see cref="Capacity"/> of them, one array
    /// sized to its tags instead of a dictionary, since every active profile holds one of these.
    /// </summary>
    [Id(3)] public ScaledTag[] Tags { get; set; } = [];

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
        var tags = Tags;
        for (var at = 0; at < tags.Length; at++)
        {
            if (string.Equals(tags[at].Tag, tag, StringComparison.Ordinal))
            {
                tags[at].Weight += contribution;
                return;
            }
        }

        if (tags.Length >= Capacity)
        {
            var weakest = 0;
            for (var at = 1; at < tags.Length; at++)
            {
                weakest = tags[at].Weight < tags[weakest].Weight ? at : weakest;
            }

            if (tags[weakest].Weight >= contribution)
            {
                return;
            }

            tags[weakest] = new ScaledTag(StringPool.Shared.GetOrAdd(tag), contribution);
            return;
        }

        Array.Resize(ref tags, tags.Length + 1);
        tags[^1] = new ScaledTag(StringPool.Shared.GetOrAdd(tag), contribution);
        Tags = tags;
    }

    public List<TagWeight> Top(int count, DateTime now, TimeSpan halfLife)
    {
        var factor = Math.Pow(0.5, HalfLives(now - AsOf, halfLife));
        return Tags
            .OrderByDescending(entry => entry.Weight)
            .ThenBy(entry => entry.Tag, StringComparer.Ordinal)
            .Take(count)
            .Select(entry => new TagWeight(entry.Tag, Math.Round(entry.Weight * factor, 6)))
            .ToList();
    }

    /// <summary>Shares the tags of weights read from storage with the silo's other profiles.</summary>
    public void InternTags()
    {
        for (var at = 0; at < Tags.Length; at++)
        {
            Tags[at].Tag = StringPool.Shared.GetOrAdd(Tags[at].Tag);
        }
    }

    private void Rescale(double factor)
    {
        for (var at = 0; at < Tags.Length; at++)
        {
            Tags[at].Weight *= factor;
        }
    }

    private static double HalfLives(TimeSpan elapsed, TimeSpan halfLife) => elapsed.TotalSeconds / halfLife.TotalSeconds;
}

/// <summary>A tag and its weight scaled to <see cref="DecayingTagWeights.AsOf"/>.</summary>
[GenerateSerializer]
public struct ScaledTag(string tag, double weight)
{
    [Id(0)] public string Tag { get; set; } = tag;
    [Id(1)] public double Weight { get; set; } = weight;
}
