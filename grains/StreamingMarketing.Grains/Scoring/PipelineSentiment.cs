using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Scoring;

/// <summary>
/// Scores texts through the scorer grain for the event pipeline. A saturated scorer is waited for (with backoff)
/// up to the timeout; after that, or on any other failure, the texts come back unscored and are counted as such,
/// so no event is ever held back or lost for want of a score.
/// </summary>
public static class PipelineSentiment
{
    public static async Task<SentimentScore[]> ScoreTextsAsync(IGrainFactory grains, string[] texts, TimeSpan timeout, ILogger logger)
    {
        var deadline = DateTime.UtcNow + timeout;
        var backoff = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            try
            {
                return await grains.GetGrain<ISentimentScorerGrain>(0).ScoreLabelsAsync(texts).WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (ScoringUnavailableException) when (DateTime.UtcNow + backoff < deadline)
            {
                await Task.Delay(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
            catch (Exception exception)
            {
                var reason = exception switch
                {
                    TimeoutException => "timeout",
                    ScoringUnavailableException => "overloaded",
                    _ => "error",
                };
                PipelineMetrics.UnscoredTexts.Add(texts.Length, new KeyValuePair<string, object?>("reason", reason));
                logger.LogWarning("Applying {Count} texts as unscored: scoring failed ({Reason}: {Message})", texts.Length, reason, exception.Message);
                return new SentimentScore[texts.Length];
            }
        }
    }
}
