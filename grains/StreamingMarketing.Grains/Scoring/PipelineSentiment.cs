using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Scoring;

/// <summary>
/// Scores the texts of a batch of events through the scorer grain. Scoring is best effort by design: when no
/// scoring silo answers in time the events are applied as unscored and counted, never held back or lost.
/// </summary>
public static class PipelineSentiment
{
    public static async Task<SentimentScore[]> ScoreAsync(
        IGrainFactory grains, IReadOnlyList<InteractionEvent> events, TimeSpan timeout, ILogger logger)
    {
        var scores = new SentimentScore[events.Count];
        var texts = new List<string>();
        var positions = new List<int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Text is { } text)
            {
                texts.Add(text);
                positions.Add(i);
            }
        }

        if (texts.Count == 0)
        {
            return scores;
        }

        try
        {
            var scored = await grains.GetGrain<ISentimentScorerGrain>(0).ScoreLabelsAsync([.. texts]).WaitAsync(timeout);
            for (var i = 0; i < positions.Count; i++)
            {
                scores[positions[i]] = scored[i];
            }
        }
        catch (Exception exception)
        {
            var reason = exception is TimeoutException ? "timeout" : "error";
            PipelineMetrics.UnscoredTexts.Add(texts.Count, new KeyValuePair<string, object?>("reason", reason));
            logger.LogWarning("Applying {Count} texts as unscored: scoring failed ({Reason}: {Message})", texts.Count, reason, exception.Message);
        }

        return scores;
    }
}
