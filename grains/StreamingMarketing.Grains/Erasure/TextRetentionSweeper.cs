using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.DeadLetters;

namespace StreamingMarketing.Grains.Erasure;

/// <summary>
/// Every <see cref="ErasureOptions.RetentionSweepInterval"/>, purges stored texts older than
/// <see cref="ErasureOptions.TextRetention"/>: each catalogued campaign's negative comments, feedback entries and this
/// silo's dead letters. Every silo sweeps; the purges are idempotent, so two sweeps at once only repeat work.
/// </summary>
public sealed class TextRetentionSweeper(
    IGrainFactory grains, IServiceProvider services, IOptions<ErasureOptions> options, TimeProvider clock, ILogger<TextRetentionSweeper> logger)
    : BackgroundService
{
    /// <summary>Campaigns read from the catalog per call.</summary>
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        while (await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Text retention sweep failed; the next one runs in {Interval}", options.Value.RetentionSweepInterval);
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.TextRetention;
        var comments = 0L;
        var catalog = grains.GetGrain<ICampaignCatalogGrain>(0);
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await catalog.GetPageAsync(skip, PageSize);
            foreach (var campaignId in page.CampaignIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                comments += await grains.GetGrain<ICampaignInsightsGrain>(campaignId).PurgeTextsBeforeAsync(cutoff.UtcDateTime);
            }

            if (page.CampaignIds.Length < PageSize)
            {
                break;
            }
        }

        var feedback = await grains.GetGrain<IFeedbackGrain>(0).PurgeBeforeAsync(cutoff);
        var deadLetters = services.GetService<IDeadLetterSink>() is { } sink ? await sink.PurgeBeforeAsync(cutoff.UtcDateTime) : 0;
        if (comments + feedback + deadLetters > 0)
        {
            logger.LogInformation("Text retention purged texts older than {Cutoff:o}: {Comments} negative comments, {Feedback} feedback entries, {DeadLetters} dead letters",
                cutoff, comments, feedback, deadLetters);
        }
    }
}
