using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// Scores texts on a silo that holds the scoring role. A stateless worker: each call runs on a local activation
/// there, whose requests join that silo's micro-batches.
/// </summary>
public interface ISentimentScorerGrain : IGrainWithIntegerKey
{
    /// <summary>Compact scores for the event pipeline, in the order of <paramref name="texts"/>.</summary>
    Task<SentimentScore[]> ScoreLabelsAsync(string[] texts);

    /// <summary>Full results for <c>POST /api/sentiment</c>.</summary>
    Task<SentimentResponse> ScoreAsync(string[] texts);

    /// <summary>The model this silo serves; null until one is loaded.</summary>
    Task<ModelView?> GetCurrentModelAsync();
}
