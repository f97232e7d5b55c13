using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Scoring;

/// <summary>
/// One attempt to score texts for the event pipeline through the scorer grain. The caller keeps texts that could
/// not be scored and tries again on its next turn, so no attempt holds its grain for longer than <c>wait</c>; a text
/// still unscored once its deadline passes is counted as such, so none is held back or lost for want of a score.
/// </summary>
public static class PipelineSentiment
{
    /// <summary>
    /// The scores; null when the scorer is saturated or slower than <paramref name="wait"/> (worth another try). Any
    /// other failure (no silo holds the scoring role, a broken model) answers unscored at once: waiting would not help.
    /// </summary>
    public static async Task<SentimentScore[]?> TryScoreAsync(IGrainFactory grains, string[] texts, TimeSpan wait, ILogger logger)
    {
        try
        {
            return await grains.GetGrain<ISentimentScorerGrain>(0).ScoreLabelsAsync(texts).WaitAsync(wait);
        }
        catch (Exception exception) when (exception is TimeoutException or ScoringUnavailableException)
        {
            logger.LogDebug("Scoring {Count} texts waits: {Message}", texts.Length, exception.Message);
            return null;
        }
        catch (Exception exception)
        {
            logger.LogWarning("Applying {Count} texts as unscored: scoring failed ({Message})", texts.Length, exception.Message);
            return Unscored(texts.Length, "error");
        }
    }

    /// <summary>Scores standing in for texts whose deadline passed, counted by <paramref name="reason"/>.</summary>
    public static SentimentScore[] Unscored(int count, string reason)
    {
        PipelineMetrics.UnscoredTexts.Add(count, new KeyValuePair<string, object?>("reason", reason));
        return new SentimentScore[count];
    }
}
