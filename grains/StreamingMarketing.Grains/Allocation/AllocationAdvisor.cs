using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;

namespace StreamingMarketing.Grains.Allocation;

/// <summary>
/// The allocation's arithmetic, free of Orleans: from a campaign's variant counts and the split served so far, the next
/// split (a step when enough new impressions arrived), and the answer that describes it.
/// </summary>
public sealed class AllocationAdvisor(AllocationOptions options)
{
    private readonly SplitPolicy policy = new(options.MinShare, options.MaxShareChange);

    /// <summary>What <see cref="Advance"/> decided: the answer, and whether the split moved far enough from the last announced to notify.</summary>
    public sealed record Advice(AllocationView View, bool Changed, bool Notify, Dictionary<string, double> PreviouslyNotified);

    public string Describe(VariantMetric metric) =>
        $"Thompson sampling on independent Beta(1 + successes, 1 + failures) posteriors of each variant's {metric.ToWireName()} per impression: " +
        $"share = {options.MinShare:0.###} + (1 − k × {options.MinShare:0.###}) × P(best) over the k live variants, " +
        $"each step moving a share by at most {options.MaxShareChange:0.###}, one step per {options.MinImpressionsPerStep:N0} new impressions.";

    /// <summary>Updates <paramref name="split"/> in place (a rebase for paused or new variants, and a step when due).</summary>
    public Advice Advance(string campaignId, VariantMetric metric, VariantCounts counts, ServedSplit split, DateTime now)
    {
        var paused = new HashSet<string>(counts.Metadata?.PausedVariants ?? [], StringComparer.Ordinal);
        var variants = counts.Variants;
        var live = variants.Where(v => !paused.Contains(v.Name)).Select(v => v.Name).ToList();
        var arms = new BetaArms([.. variants.Select(v => (v.Impressions, v.Successes))]);
        var probabilityBest = variants.Select((v, i) => (v.Name, arms.ProbabilityBest[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
        var impressions = variants.Sum(v => v.Impressions);

        var firstSplit = split.Shares.Count == 0;
        var shares = policy.Rebase(firstSplit ? null : split.Shares, live);
        if (firstSplit)
        {
            split.Notified = new Dictionary<string, double>(shares, StringComparer.Ordinal);
        }

        var changed = SplitPolicy.LargestMove(shares, split.Shares) > 0;
        if (live.Count > 0 && impressions - split.ImpressionsAtStep >= Math.Max(1, options.MinImpressionsPerStep))
        {
            var stepped = policy.Step(shares, policy.Target(probabilityBest, live));
            if (SplitPolicy.LargestMove(stepped, shares) > 0)
            {
                split.Steps++;
                split.MovedAt = now;
            }

            (shares, split.ImpressionsAtStep, changed) = (stepped, impressions, true);
        }

        split.Shares = shares;
        var notified = split.Notified;
        var notify = live.Count > 0 && SplitPolicy.LargestMove(shares, notified) > options.NotifyThreshold;
        if (notify)
        {
            split.Notified = new Dictionary<string, double>(shares, StringComparer.Ordinal);
        }

        var recentImpressions = variants.Sum(v => v.ImpressionsLastHour);
        var view = new AllocationView
        {
            CampaignId = campaignId,
            Metric = metric.ToWireName(),
            Policy = Describe(metric),
            Variants = [.. variants.Select((v, i) => new VariantAllocation
            {
                Variant = v.Name,
                Share = shares.GetValueOrDefault(v.Name),
                ProbabilityBest = arms.ProbabilityBest[i],
                ExpectedRate = arms.Mean(i),
                Impressions = v.Impressions,
                Successes = Math.Min(v.Successes, v.Impressions),
                Paused = paused.Contains(v.Name),
                ObservedShare = recentImpressions > 0 ? (double)v.ImpressionsLastHour / recentImpressions : 0,
            })],
            ExpectedLossVsBest = arms.ExpectedLoss([.. variants.Select(v => shares.GetValueOrDefault(v.Name))]),
            MinShare = options.MinShare,
            MaxShareChange = options.MaxShareChange,
            Steps = split.Steps,
            MovedAt = split.MovedAt,
        };
        return new Advice(view, changed || notify, notify, notified);
    }
}
