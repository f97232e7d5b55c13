using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// Carries how users moved in campaigns' segments from this silo's user grains to the campaigns' insights grains,
/// one way: gathered per campaign and sent every <see cref="Interval"/> as one one-way call, so a segment move costs a
/// list entry instead of a grain call. Segments are an estimate of the audience's mix, not a count the product
/// promises exactly: moves gathered here and not yet sent are lost if the silo dies (a clean stop sends them).
/// </summary>
public sealed class SegmentChangeRelay(IGrainFactory grains, ILogger<SegmentChangeRelay> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Lock gate = new();
    private Dictionary<string, List<SegmentChange>> byCampaign = new(StringComparer.Ordinal);

    public void Add(string campaignId, SegmentChange change)
    {
        lock (gate)
        {
            if (!byCampaign.TryGetValue(campaignId, out var changes))
            {
                byCampaign[campaignId] = changes = [];
            }

            changes.Add(change);
        }
    }

    /// <summary>Sends everything gathered so far.</summary>
    public void Flush()
    {
        Dictionary<string, List<SegmentChange>> batch;
        lock (gate)
        {
            if (byCampaign.Count == 0)
            {
                return;
            }

            (batch, byCampaign) = (byCampaign, new(StringComparer.Ordinal));
        }

        foreach (var (campaignId, changes) in batch)
        {
            try
            {
                _ = grains.GetGrain<ICampaignInsightsGrain>(campaignId).ApplySegmentChangesAsync([.. changes]);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not send {Count} segment moves of campaign {CampaignId}", changes.Count, campaignId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Flush();
            }
        }
        finally
        {
            Flush();
        }
    }
}
